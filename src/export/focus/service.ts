// FOCUS ServiceCategory (an allowed value of the specification) for a license. lac's schema has
// no category field, so the vendors whose products have one clear category are named here;
// everything else is "Business Applications" (FOCUS: "business and productivity applications").
const BY_VENDOR: Record<string, string> = {
  github: 'Developer Tools',
  gitlab: 'Developer Tools',
  atlassian: 'Developer Tools',
  jetbrains: 'Developer Tools',
  'iar-systems': 'Developer Tools',
  okta: 'Identity',
  '1password': 'Security',
  sophos: 'Security',
  crowdstrike: 'Security',
  mathworks: 'Analytics',
  deepl: 'AI and Machine Learning',
};

export const DEFAULT_SERVICE_CATEGORY = 'Business Applications';

/** The ServiceCategory and ServiceSubcategory of a vendor's products. */
export function serviceCategory(vendor: string): { category: string; subcategory: string } {
  const category = BY_VENDOR[vendor] ?? DEFAULT_SERVICE_CATEGORY;
  return { category, subcategory: category === 'Business Applications' ? 'Productivity and Collaboration' : `Other (${category})` };
}
