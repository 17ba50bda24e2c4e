// Generated from custom-elements.json by cem/editor-data.mjs (`pnpm --filter @atliq/components run cem`).
// Vue 3: every <atliq-*> tag in GlobalComponents. Pair it with compilerOptions.isCustomElement (docs/frameworks.md).
import type { DefineComponent } from 'vue';
import type { AtliqDashboard, AtliqDataStatus, AtliqFilterBar, AtliqInsights, AtliqKpi, AtliqProfitChart, AtliqRevenueChart, AtliqTopList, AtliqTrendChart } from '@atliq/components/elements';

declare module 'vue' {
  interface GlobalComponents {
    'atliq-dashboard': DefineComponent<Partial<Pick<AtliqDashboard, 'src' | 'hash' | 'target' | 'theme' | 'asOf' | 'fiscalYearStart' | 'comparison'>> & { [attribute: string]: unknown }>;
    'atliq-data-status': DefineComponent<Partial<Pick<AtliqDataStatus, 'staleAfter' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { [attribute: string]: unknown }>;
    'atliq-filter-bar': DefineComponent<Partial<Pick<AtliqFilterBar, 'target' | 'targetControl' | 'fiscalYearStart' | 'src' | 'theme'>> & { [attribute: string]: unknown }>;
    'atliq-insights': DefineComponent<Partial<Pick<AtliqInsights, 'max' | 'kinds' | 'target' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { [attribute: string]: unknown }>;
    'atliq-kpi': DefineComponent<Partial<Pick<AtliqKpi, 'measure' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { [attribute: string]: unknown }>;
    'atliq-profit-chart': DefineComponent<Partial<Pick<AtliqProfitChart, 'target' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { [attribute: string]: unknown }>;
    'atliq-revenue-chart': DefineComponent<Partial<Pick<AtliqRevenueChart, 'by' | 'measure' | 'top' | 'compare' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { [attribute: string]: unknown }>;
    'atliq-top-list': DefineComponent<Partial<Pick<AtliqTopList, 'by' | 'n' | 'measure' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { [attribute: string]: unknown }>;
    'atliq-trend-chart': DefineComponent<Partial<Pick<AtliqTrendChart, 'grain' | 'measure' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { [attribute: string]: unknown }>;
  }
}

export {};
