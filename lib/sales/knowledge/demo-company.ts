import type { z } from 'zod';
import type { knowledgeBaseSchema } from '@/lib/sales/knowledge/schema';

/**
 * The demo deployment: Northwind Cloud, a B2B SaaS. A deployer replaces this file with their own catalogue; every
 * price the agent (OpenAI or offline) quotes comes from here. Client-safe: the landing page renders the plans from it.
 */
export const demoCompany = {
  company: {
    name: 'Northwind Cloud',
    tagline: 'The operations workspace for growing teams.',
    description:
      'Northwind Cloud brings projects, workflows and reporting into one place. Teams automate routine work with no-code ' +
      'workflows, track it on shared boards and dashboards, and connect the tools they already use — Slack, Google Workspace, ' +
      'Microsoft 365, Salesforce, HubSpot, Jira and 60+ more. Hosted in the US and the EU, SOC 2 Type II audited.',
    currency: 'USD',
    salesEmail: 'sales@northwind.example',
  },
  plans: [
    {
      id: 'starter',
      name: 'Starter',
      pricePerSeatMonthly: 12,
      pricePerSeatMonthlyAnnual: 10,
      minSeats: 1,
      maxSeats: 10,
      summary: 'For small teams getting their work organised in one place.',
      features: [
        'Unlimited projects and boards',
        '5 GB storage per seat',
        '1,000 workflow runs per month',
        '10 core integrations (Slack, Google Workspace, Microsoft 365…)',
        'Email support, next business day',
      ],
      highlight: false,
    },
    {
      id: 'pro',
      name: 'Pro',
      pricePerSeatMonthly: 29,
      pricePerSeatMonthlyAnnual: 24,
      minSeats: 3,
      maxSeats: 250,
      summary: 'For growing teams that automate their workflows and report on them.',
      features: [
        'Everything in Starter',
        '50 GB storage per seat',
        '25,000 workflow runs per month',
        'All 60+ integrations, including Salesforce, HubSpot and Jira',
        'Dashboards, time tracking and guest access',
        'Chat and email support, same business day',
      ],
      highlight: true,
    },
    {
      id: 'business',
      name: 'Business',
      pricePerSeatMonthly: 49,
      pricePerSeatMonthlyAnnual: 41,
      minSeats: 10,
      maxSeats: 1000,
      summary: 'For departments that need single sign-on, admin controls and higher limits.',
      features: [
        'Everything in Pro',
        'SAML single sign-on (Okta, Microsoft Entra ID, Google)',
        'Audit log and advanced admin permissions',
        '250,000 workflow runs per month',
        'Choice of US or EU data residency',
        'Priority support with a 4-hour response target',
      ],
      highlight: false,
    },
    {
      id: 'enterprise',
      name: 'Enterprise',
      pricePerSeatMonthly: null,
      pricePerSeatMonthlyAnnual: null,
      minSeats: 50,
      maxSeats: null,
      summary: 'For organisations with security reviews, custom contracts and large rollouts.',
      features: [
        'Everything in Business',
        'SCIM user provisioning',
        'Unlimited workflow runs',
        'Custom data retention and a 99.95% uptime SLA',
        'Dedicated customer success manager and guided onboarding',
        'Security review support, DPA and custom terms',
      ],
      highlight: false,
    },
  ],
  faqs: [
    {
      id: 'security',
      question: 'How do you keep our data secure?',
      answer:
        'Northwind Cloud is SOC 2 Type II audited every year and aligned with ISO 27001. Data is encrypted in transit ' +
        '(TLS 1.2+) and at rest (AES-256), we run annual third-party penetration tests, and our security pack (SOC 2 ' +
        'report, pen-test summary, DPA) is available under NDA.',
      keywords: ['security', 'secure', 'soc 2', 'soc2', 'iso 27001', 'encryption', 'encrypted', 'compliance', 'pen test', 'penetration', 'audit report'],
    },
    {
      id: 'sso',
      question: 'Do you support single sign-on (SSO)?',
      answer:
        'Yes. SAML single sign-on with Okta, Microsoft Entra ID (Azure AD), Google and any SAML 2.0 identity provider is ' +
        'included in the Business and Enterprise plans. Enterprise adds SCIM provisioning so users are created and removed automatically.',
      keywords: ['sso', 'single sign-on', 'single sign on', 'saml', 'okta', 'entra', 'azure ad', 'scim', 'provisioning', 'login'],
    },
    {
      id: 'data-residency',
      question: 'Where is our data stored?',
      answer:
        'You choose: our US region (Virginia) or our EU region (Frankfurt). Data residency is available on Business and ' +
        'Enterprise; your content stays in the region you pick, including backups. We are GDPR-compliant and sign a DPA on request.',
      keywords: ['data residency', 'residency', 'region', 'eu', 'europe', 'gdpr', 'dpa', 'where is', 'stored', 'hosting', 'hosted'],
    },
    {
      id: 'trial',
      question: 'Is there a free trial?',
      answer:
        'Yes — a 14-day free trial of the Pro plan, no credit card needed. At the end you pick a plan or your workspace ' +
        'pauses; nothing is charged automatically.',
      keywords: ['trial', 'free trial', 'try', 'test drive', 'free', 'credit card'],
    },
    {
      id: 'cancellation',
      question: 'Can we cancel at any time?',
      answer:
        'Monthly plans can be cancelled at any time and stay active until the end of the billing period. Annual plans run ' +
        'for the year you paid for; you can switch off auto-renewal whenever you like. You can export all your data before you go.',
      keywords: ['cancel', 'cancellation', 'contract', 'commitment', 'refund', 'lock-in', 'leave', 'terminate'],
    },
    {
      id: 'integrations',
      question: 'Which tools do you integrate with?',
      answer:
        'Over 60 integrations, including Slack, Microsoft Teams, Google Workspace, Microsoft 365, Salesforce, HubSpot, Jira, ' +
        'GitHub, Zendesk and Zapier, plus a REST API and webhooks. Starter includes 10 core integrations; Pro and above include all of them.',
      keywords: ['integration', 'integrations', 'integrate', 'slack', 'salesforce', 'hubspot', 'jira', 'github', 'zapier', 'api', 'webhooks', 'connect'],
    },
    {
      id: 'support',
      question: 'What support do you offer?',
      answer:
        'Starter has email support (next business day), Pro adds chat support (same business day), Business has priority ' +
        'support with a 4-hour response target, and Enterprise includes a dedicated customer success manager and a 99.95% uptime SLA.',
      keywords: ['support', 'help desk', 'response time', 'sla', 'uptime', 'customer success', 'account manager'],
    },
    {
      id: 'onboarding',
      question: 'How does onboarding work?',
      answer:
        'Most teams are up and running in a day with our templates and importers for Asana, Trello, Monday.com and ' +
        'spreadsheets. Business customers get a live onboarding session; Enterprise customers get a guided rollout plan with ' +
        'admin training.',
      keywords: ['onboarding', 'onboard', 'setup', 'set up', 'migration', 'migrate', 'import', 'training', 'rollout', 'implementation'],
    },
    {
      id: 'discounts',
      question: 'Do you offer discounts?',
      answer:
        'Annual billing is the main saving — it lowers the per-seat price on every paid plan (compare the monthly and ' +
        'annual prices). Registered nonprofits and schools can apply for a discount through sales, and larger rollouts are quoted individually.',
      keywords: ['discount', 'discounts', 'nonprofit', 'non-profit', 'education', 'student', 'coupon', 'promo', 'cheaper', 'deal'],
    },
    {
      id: 'billing',
      question: 'How does billing work?',
      answer:
        'You are billed per active seat, monthly or annually, by card; annual Business and Enterprise plans can also pay by ' +
        'invoice. Adding seats mid-term is prorated, and guests (view-only collaborators on Pro and above) are free.',
      keywords: ['billing', 'invoice', 'invoicing', 'payment', 'pay', 'card', 'prorated', 'guest', 'guests'],
    },
    {
      id: 'change-plan',
      question: 'Can we change plans later?',
      answer:
        'Yes. Upgrade at any time and the difference is prorated immediately; downgrades take effect at the next renewal. ' +
        'Your data and settings carry over either way.',
      keywords: ['upgrade', 'downgrade', 'change plan', 'switch plan', 'switch', 'change'],
    },
    {
      id: 'ai-features',
      question: 'Do you have AI features?',
      answer:
        'Northwind Assist summarises projects, drafts status updates and suggests workflow automations. It is included in ' +
        'Pro and above, and your content is never used to train third-party models.',
      keywords: ['ai', 'assist', 'assistant', 'artificial intelligence', 'machine learning', 'summarise', 'summarize', 'gpt'],
    },
  ],
  suggestedQuestions: [
    'How much is the Pro plan?',
    'What is the difference between Pro and Business?',
    'Do you support SSO and SOC 2?',
    'Is there a free trial?',
    'Can we keep our data in the EU?',
  ],
} satisfies z.input<typeof knowledgeBaseSchema>;
