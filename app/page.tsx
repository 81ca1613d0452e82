import { ChatPanel } from '@/components/chat/chat-panel';
import { CriticalStyle } from '@/components/page/critical-style';
import { getRequestThemeChoice } from '@/components/theme/request-theme';
import { ThemeControl } from '@/components/theme/theme-control';
import { getPublicConfig } from '@/lib/config';
import { getPageCss } from '@/lib/page-css';
import { translate, type Locale, type MessageKey, type TranslationVars } from '@/lib/i18n';
import { getRequestLocale } from '@/lib/i18n/server';
import { LocaleSwitcher } from '@/components/i18n/locale-switcher';
import { formatCount, formatPrice, type Plan } from '@/lib/sales/knowledge';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';

// Everything here is server-rendered: only the chat panel ships JavaScript (the home page has a 120 KB gzip budget).
// Styles: not app/globals.css through Next.js (a render-blocking <link> in <head>) but the rules of everything down to
// the hero inline, and the whole sheet linked after the hero, so the first paint waits for no request and the
// framework's scripts cannot overtake it (scripts/build-css.mjs; docs/performance.md).

type T = (key: MessageKey, vars?: TranslationVars) => string;

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';

/** The seats a plan takes, its counts written as the prices are ("1,000", "1.000"; Arabic's counted noun by plural rule). */
function seatsLabel(plan: Plan, t: T, locale: Locale): string {
  const count = (value: number) => formatCount(value, locale);
  if (plan.maxSeats === null) return t('landing.plans.seatsFrom', { min: count(plan.minSeats) });
  if (plan.minSeats <= 1) return t('landing.plans.seatsUpTo', { max: count(plan.maxSeats) });
  return t('landing.plans.seatsRange', { min: count(plan.minSeats), max: count(plan.maxSeats) });
}

function CheckIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0 text-brand-600">
      <path
        fillRule="evenodd"
        d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

function PlanCard({ plan, currency, locale, t }: { plan: Plan; currency: string; locale: Locale; t: T }) {
  const headingId = `plan-${plan.id}`;
  const monthly = plan.pricePerSeatMonthly;
  const annual = plan.pricePerSeatMonthlyAnnual;
  return (
    <li
      className={`relative flex flex-col rounded-2xl bg-white p-5 shadow-sm ${
        plan.highlight ? 'ring-2 ring-brand-600' : 'ring-1 ring-slate-200'
      }`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold text-slate-900">
          {plan.name}
        </h3>
        {plan.highlight ? (
          <p className="rounded-full bg-brand-600 px-2.5 py-0.5 text-xs font-semibold text-white">{t('landing.plans.mostPopular')}</p>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">{plan.summary}</p>
      <div className="mt-4">
        {monthly === null ? (
          <>
            <p className="text-3xl font-bold tracking-tight text-slate-900">{t('landing.plans.custom')}</p>
            <p className="mt-1 text-sm text-slate-600">{t('landing.plans.customNote')}</p>
          </>
        ) : (
          <>
            <p className="flex items-baseline gap-1.5">
              <bdi dir="ltr" className="text-3xl font-bold tracking-tight text-slate-900">{formatPrice(monthly, currency, locale)}</bdi>
              <span className="text-sm text-slate-600">{t('landing.plans.perSeatMonth')}</span>
            </p>
            {annual !== null ? (
              <p className="mt-1 text-sm text-slate-600">{t('landing.plans.annual', { price: formatPrice(annual, currency, locale) })}</p>
            ) : null}
          </>
        )}
        <p className="mt-1 text-xs font-medium text-slate-600">{seatsLabel(plan, t, locale)}</p>
      </div>
      <ul aria-label={t('landing.plans.featuresLabel', { plan: plan.name })} className="mt-4 space-y-2 border-t border-slate-100 pt-4 text-sm text-slate-700">
        {plan.features.map((feature) => (
          <li key={feature} className="flex gap-2">
            <CheckIcon />
            <span>{feature}</span>
          </li>
        ))}
      </ul>
      {/* Starts the conversation about this plan (ChatPanel listens for data-chat-ask); without JS, a link to the chat. */}
      <a
        href="#chat"
        data-chat-ask={t('landing.plans.askMessage', { plan: plan.name })}
        data-testid="plan-cta"
        className={`mt-5 inline-flex min-h-10 items-center justify-center rounded-lg px-4 py-2 text-sm font-semibold ${
          plan.highlight ? 'bg-brand-600 text-white hover:bg-brand-700' : 'bg-white text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50'
        } ${focusRing}`}
      >
        {t('landing.plans.ask', { plan: plan.name })}
      </a>
    </li>
  );
}

export default async function Home() {
  const locale: Locale = await getRequestLocale();
  const t: T = (key, vars) => translate(locale, key, vars);
  const { company, plans, suggestedQuestions } = getLocalizedKnowledgeBase(locale);
  const publicConfig = getPublicConfig();
  const { suggestedQuestions: configuredQuestions, ...customization } = publicConfig.customization;
  const css = getPageCss();
  const themeChoice = await getRequestThemeChoice();

  return (
    <>
      {/* The text read above, hoisted into <head>; no nonce needed: the CSP allows inline styles (middleware.ts). */}
      <CriticalStyle />
      <a
        href="#chat"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:absolute focus:top-3 focus:start-3 focus:z-50 focus:px-3 focus:py-2 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {t('landing.skipToChat')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <p className="flex min-w-0 items-center gap-2 text-base font-semibold text-slate-900">
            <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">
              N
            </span>
            {/* Isolated, in its own direction (in Arabic a long name is cut at its end, not its start); on a phone it
                takes two lines rather than being cut. */}
            <bdi className="line-clamp-2 leading-tight">{company.name}</bdi>
          </p>
          <LocaleSwitcher locale={locale} label={t('locale.label')} submit={t('locale.submit')} className="ms-auto" />
          {/* From sm up; on phones the floating launcher below is the way to the chat (the header has no room). */}
          <nav aria-label={t('landing.nav.label')} className="hidden sm:block">
            <a href="#chat" className={`rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold whitespace-nowrap text-white hover:bg-brand-700 ${focusRing}`}>
              {t('landing.nav.talkToSales')}
            </a>
          </nav>
        </div>
      </header>

      <main className="mx-auto grid max-w-7xl gap-8 px-4 py-8 sm:px-6 lg:grid-cols-[minmax(0,1fr)_26rem] lg:gap-10 lg:py-12 xl:grid-cols-[minmax(0,1fr)_28rem]">
        <section aria-labelledby="hero-title" className="min-w-0">
          <p className="inline-flex items-center gap-2 rounded-full bg-brand-50 px-3 py-1 text-xs font-semibold text-brand-700 ring-1 ring-brand-100">
            <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
            {t('landing.hero.eyebrow')}
          </p>
          <h1 id="hero-title" className="mt-4 text-3xl font-bold tracking-tight text-balance text-slate-900 sm:text-4xl lg:text-5xl">
            {company.tagline}
          </h1>
          <p className="mt-4 max-w-2xl text-base leading-7 text-pretty text-slate-600 sm:text-lg">{company.description}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            <a href="#chat" className={`rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 ${focusRing}`}>
              {t('landing.hero.cta')}
            </a>
            <a
              href="#plans"
              className={`rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 ${focusRing}`}
            >
              {t('landing.hero.seePlans')}
            </a>
          </div>
        </section>

        {/* Not hoisted (no precedence): Chromium renders what is above at once and what follows once this has loaded. */}
        <link rel="stylesheet" href={css.href} />

        <div
          id="chat"
          tabIndex={-1}
          className="min-w-0 scroll-mt-4 focus:outline-none lg:sticky lg:top-6 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start"
        >
          <ChatPanel
            suggestedQuestions={configuredQuestions ?? suggestedQuestions}
            maxChars={publicConfig.chat.maxMessageChars}
            maxRecordingSeconds={publicConfig.voice.maxRecordingSeconds}
            customization={customization}
            listenForAsks
            className="h-[min(40rem,85dvh)] lg:h-[min(44rem,calc(100dvh-3rem))]"
          />
        </div>

        <section id="plans" aria-labelledby="plans-title" className="min-w-0 scroll-mt-4 lg:col-start-1">
          <h2 id="plans-title" className="text-2xl font-bold tracking-tight text-slate-900">
            {t('landing.plans.heading')}
          </h2>
          <p className="mt-2 text-sm text-slate-600">{t('landing.plans.intro')}</p>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {plans.map((plan) => (
              <PlanCard key={plan.id} plan={plan} currency={company.currency} locale={locale} t={t} />
            ))}
          </ul>
        </section>
      </main>

      {/* Phones: the chat one tap away from anywhere on the page; hidden while the chat is on screen (ChatPanel). */}
      <a
        href="#chat"
        data-testid="chat-launcher"
        className={`chat-launcher fixed end-4 bottom-4 z-40 inline-flex min-h-12 items-center gap-2 rounded-full bg-brand-600 px-4 py-3 text-sm font-semibold text-white shadow-lg hover:bg-brand-700 lg:hidden ${focusRing}`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
          <path
            fillRule="evenodd"
            d="M10 2c-4.418 0-8 3.134-8 7 0 1.76.743 3.37 1.97 4.6-.097 1.016-.417 2.13-.771 2.966-.079.186.074.394.273.362 2.256-.37 3.597-.938 4.18-1.234A9 9 0 0 0 10 16c4.418 0 8-3.134 8-7s-3.582-7-8-7Z"
            clipRule="evenodd"
          />
        </svg>
        {t('landing.launcher')}
      </a>

      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 pt-6 pb-24 text-sm text-slate-600 sm:px-6 lg:pb-6">
          <p>
            {company.name} · {t('landing.footer.prices', { currency: company.currency })}
          </p>
          <ThemeControl initialChoice={themeChoice} />
          <p>
            {t('landing.footer.email')}{' '}
            <a href={`mailto:${company.salesEmail}`} dir="ltr" className={`font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600 ${focusRing}`}>
              {company.salesEmail}
            </a>
          </p>
        </div>
      </footer>
    </>
  );
}
