// Handlebars template of the renewal pull request body (values from src/renewals/prs.ts), compiled by compileMarkdown.

export const PR_BODY = `Proposes the next term of **{{title}}** ({{file}}): {{start}} to {{end}}.

| | Now | Proposed |
|---|---|---|
| Term | {{termStart}} to {{termEnd}} | {{start}} to {{end}} |
{{#each lines}}
| {{license}} / {{tier}} | {{current}} | {{recommended}} |
{{/each}}
| Annual cost at current prices | {{costNow}} | {{costRecommended}} |

Cancel by **{{cancelBy}}** ({{cancelByWhen}}); the decision is **{{decision}}**.

### Why these quantities

{{#each lines}}
- {{line}}: {{why}}
{{/each}}

### Before merging

- [ ] Set \`renewal.decision\` (renew or renegotiate), \`decided_by\` and \`decided_on\`: lac leaves the decision to a person
- [ ] Adjust the quantities and prices to the order that was agreed
- [ ] Update \`title\`, \`po_number\`, \`order_number\`, \`signed\` and \`documents\` for the new order

<sub>Proposed by \`lac renewals --open-prs\`; a re-run updates this pull request on {{branch}}.</sub>
`;
