// Handlebars templates of the renewal issue and its comments (values from src/renewals/issue-body.ts).
// Compiled by compileMarkdown: every value is escaped unless lac marked it as markdown.

export const ISSUE_BODY = `{{#if overdue}}
> [!CAUTION]
> **The cancel-by date {{cancelBy}} passed {{overdueFor}} ago and no renewal decision is recorded.**
{{#if autoRenew}}
> The contract renews by itself on {{renewal}}{{#if costNow}}, committing {{costNow}} a year{{/if}}, unless the vendor still accepts notice. Ask the vendor now, then record what was decided.
{{else}}
> The term ends on {{termEnd}} and the contract does not renew by itself: without a decision the product stops on {{renewal}}.
{{/if}}

{{/if}}
## {{title}}

{{vendor}} · {{file}} · owner: {{owner}}

| | |
|---|---|
| Term | {{termStart}} to {{termEnd}}{{#if rolled}} (renewed by itself past its written end){{/if}} |
| {{#if autoRenew}}Renews by itself{{else}}Ends; a renewal would start{{/if}} | {{renewal}} ({{renewalWhen}}) |
| Decision due | {{decisionDue}} ({{decisionDueWhen}}) |
| Cancel by | **{{cancelBy}}** ({{cancelByWhen}}; {{notice}}) |
| Status | {{status}} |
| Decision | {{decision}} |
| Annual cost as bought | {{#if costNow}}{{costNow}}{{else}}{{costProblem}}{{/if}} |
| Annual cost as recommended | {{#if costRecommended}}{{costRecommended}}{{else}}{{costProblem}}{{/if}} |

### Usage and recommended quantities for the next term ({{nextStart}} to {{nextEnd}})

| License | Tier | Now | Seats in use | Recommended | Why |
|---|---|--:|--:|--:|---|
{{#each lines}}
| {{license}} | {{tier}} | {{current}} | {{peak}} | {{recommended}} | {{why}} |
{{/each}}

### Decision

- [ ] Review the usage and the recommended quantities with the people who use it
- [ ] Decide: renew, renegotiate or cancel
- [ ] Record the decision in {{file}} (\`renewal.decision\`, \`decided_by\`, \`decided_on\`)
{{#if autoRenew}}
- [ ] To cancel or renegotiate: give the vendor notice by {{cancelBy}}
{{else}}
- [ ] To renew: place the order before the term ends on {{termEnd}}
{{/if}}
- [ ] Review and merge the renewal pull request (branch {{branch}}) once the new term is agreed

<sub>Opened by \`lac renewals --open-issues\`; it updates this issue and closes it once the term moves on, or a decision is recorded.</sub>
`;

export const REMINDER_COMMENT = `{{mention}}{{days}} to the cancel-by date of **{{title}}**: {{cancelBy}}. The decision is still **{{decision}}**{{#if autoRenew}}; without notice by then it renews by itself on {{renewal}}{{/if}}.`;

export const OVERDUE_COMMENT = `> [!CAUTION]
> {{mention}}The cancel-by date of **{{title}}** ({{cancelBy}}) passed and no decision is recorded.{{#if autoRenew}} It renews by itself on {{renewal}}.{{/if}}`;

export const CLOSE_COMMENT = `Closing: {{why}}`;
