# One-off writer of inventory/vendors/*.yaml for the example organization (fictional contacts at
# reserved .example domains). Kept to document how the files were made; they are edited by hand since.
#   python3 scripts/example/vendors.py   (from the repository root)
import os
V = [
 ("figma","Figma, Inc.","https://www.figma.com","https://help.figma.com","ORG-4471-NW",[("Marcus Lindgren","Account Executive, EMEA","marcus.lindgren@figma-sales.example"),("Billing team","billing",None)],"Invoices in USD from the US entity; the card on file is the Finance AmEx (ending 4471)."),
 ("slack","Slack Technologies, LLC","https://slack.com","https://slack.com/help/requests/new","T02NWINSTR",[("Hanna Eklund","Account Manager","hanna.eklund@slack-accounts.example")],None),
 ("zoom","Zoom Communications, Inc.","https://zoom.us","https://support.zoom.com","ZA-778120",[("Pieter de Groot","Account Executive, DACH","pieter.degroot@zoom-sales.example","+49 69 5000 1234")],"Contracted through Zoom's EMEA entity; prices in EUR."),
 ("github","GitHub, Inc.","https://github.com","https://support.github.com","enterprise: northwind-instruments",[("Rosa Villanueva","Account Executive","rosa.villanueva@github-sales.example"),("Sam Okoro","Customer Success Architect","sam.okoro@github-sales.example")],"GitHub Enterprise Cloud and Copilot Business on one enterprise account, invoiced in USD."),
 ("microsoft","Microsoft Ireland Operations Ltd","https://www.microsoft.com","https://admin.microsoft.com","EA 8-31994207",[("Kathrin Vogt","Licensing specialist at our Licensing Solution Partner","kathrin.vogt@lsp-licensing.example","+49 30 4000 7788")],"Enterprise Agreement through a Licensing Solution Partner; the partner handles the annual true-up."),
 ("okta","Okta, Inc.","https://www.okta.com","https://support.okta.com","northwind-instruments.okta.example",[("Julia Brandt","Account Executive","julia.brandt@okta-sales.example"),("Support","support",None,"+1 800 555 0100")],None),
 ("1password","1Password (AgileBits Inc.)","https://1password.com","https://support.1password.com","northwind-instruments.1password.example",[("Team sales","sales","business@1password-sales.example")],None),
 ("salesforce","Salesforce Germany GmbH","https://www.salesforce.com","https://help.salesforce.com","00D5J000001NwInS",[("Lars Petersen","Account Executive","lars.petersen@salesforce-sales.example","+49 89 1234 5600"),("Aylin Koç","Renewals Manager","aylin.koc@salesforce-sales.example")],"Negotiated by Kwame Mensah and Dariusz Nowak; renewals go through Aylin Koç."),
 ("zendesk","Zendesk, Inc.","https://www.zendesk.com","https://support.zendesk.com","northwind-support",[("Tamsin Hughes","Account Manager","tamsin.hughes@zendesk-sales.example")],None),
 ("adobe","Adobe Systems Software Ireland Ltd","https://www.adobe.com","https://helpx.adobe.com/contact.html","VIP 7F21-NW-0093",[("Reseller desk","VIP reseller","vip@design-reseller.example")],"Bought under Adobe VIP through a reseller; the anniversary date is 15 March."),
 ("dassault-systemes","Dassault Systèmes SolidWorks Corp.","https://www.solidworks.com","https://www.solidworks.com/support","SW-CUST-102288",[("Matthias Kern","Account Manager at the value-added reseller","matthias.kern@cad-reseller.example","+49 711 888 2040"),("Reseller support","technical support","support@cad-reseller.example")],"Licenses and subscription service are bought through a value-added reseller in Stuttgart; quotes and invoices come from them."),
 ("iar-systems","IAR Systems AB","https://www.iar.com","https://www.iar.com/support","IAR-DE-55821",[("Anders Ekström","Key Account Manager","anders.ekstrom@iar-sales.example")],None),
 ("mathworks","The MathWorks GmbH","https://www.mathworks.com","https://www.mathworks.com/support","License 1093374",[("Inside sales","sales","sales-de@mathworks-sales.example")],None),
 ("sophos","Sophos Ltd","https://www.sophos.com","https://support.sophos.com","SC-NW-24310",[("Oliver Bennett","Partner Account Manager","oliver.bennett@sophos-partner.example","+44 1235 555 010")],"UK entity, invoiced in GBP through our security partner."),
 ("nitro","Nitro Software, Inc.","https://www.gonitro.com","https://www.gonitro.com/support","NW-ENT-2025",[("Declan Moore","Enterprise Account Executive","declan.moore@nitro-sales.example")],None),
 ("deepl","DeepL SE","https://www.deepl.com","https://support.deepl.com","API-ACC-20240212",[("API support","support","api-support@deepl-accounts.example")],"Self-service API Pro account, billed monthly to the Finance card."),
 ("atlassian","Atlassian Pty Ltd","https://www.atlassian.com","https://support.atlassian.com","northwind-instruments.atlassian.example",[("Ravi Menon","Enterprise Advocate","ravi.menon@atlassian-sales.example")],None),
 ("sketch","Sketch B.V.","https://www.sketch.com","https://www.sketch.com/support/","NW-TEAM-0412",[("Support","support","support@sketch-accounts.example")],"Former vendor: Sketch for Teams until September 2021."),
 ("miro","RealtimeBoard, Inc. (Miro)","https://miro.com","https://help.miro.com","3074457-NW",[("Customer success","success","success@miro-accounts.example")],"Cancelled in 2026: FigJam in the Figma organization replaced Miro."),
]
def q(s):
    import json
    if any(c in s for c in ':#,[]{}&*!|>\'"%@`') or s != s.strip(): return json.dumps(s, ensure_ascii=False)
    return s
for vid,name,web,sup,acct,contacts,notes in V:
    L=["# yaml-language-server: $schema=../../schemas/vendor.schema.json",f"id: {vid}",f"name: {q(name)}",f"website: {web}",f"support_url: {sup}",f"account_id: {q(acct)}","contacts:"]
    for c in contacts:
        parts=[f"name: {q(c[0])}",f"role: {q(c[1])}"]
        if len(c)>2 and c[2]: parts.append(f"email: {c[2]}")
        if len(c)>3: parts.append(f"phone: {q(c[3])}")
        L.append("  - { "+", ".join(parts)+" }")
    if notes: L.append(f"notes: {q(notes)}")
    open(f"inventory/vendors/{vid}.yaml","w").write("\n".join(L)+"\n")
