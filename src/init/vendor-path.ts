/** Where `lac init` keeps the packed tool in a new repository, relative to its root. */
export const vendorPath = (version: string): string => `vendor/lac-${version}.tgz`;
