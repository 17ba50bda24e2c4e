// Generated from custom-elements.json by cem/editor-data.mjs (`pnpm --filter @atliq/components run cem`).
// Vue 3: every <atliq-*> tag in GlobalComponents. Pair it with compilerOptions.isCustomElement (docs/frameworks.md).
import type { DefineComponent } from 'vue';
import type { AtliqDashboard, AtliqDataStatus, AtliqFilterBar, AtliqInsights, AtliqKpi, AtliqProfitChart, AtliqRevenueChart, AtliqTopList, AtliqTrendChart, AtliqDrillDetail, AtliqErrorDetail, AtliqFilterChangeDetail, AtliqSelectDetail, AtliqTargetChangeDetail } from '@atliq/components/elements';

declare module 'vue' {
  interface GlobalComponents {
    'atliq-dashboard': DefineComponent<Partial<Pick<AtliqDashboard, 'src' | 'hash' | 'target' | 'theme' | 'asOf' | 'fiscalYearStart' | 'comparison'>> & { onAtliqSelect?: (event: CustomEvent<AtliqSelectDetail>) => void; onAtliqFilterChange?: (event: CustomEvent<AtliqFilterChangeDetail>) => void; onAtliqTargetChange?: (event: CustomEvent<AtliqTargetChangeDetail>) => void; onAtliqDrill?: (event: CustomEvent<AtliqDrillDetail>) => void; onAtliqError?: (event: CustomEvent<AtliqErrorDetail>) => void }>;
    'atliq-data-status': DefineComponent<Partial<Pick<AtliqDataStatus, 'staleAfter' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { onAtliqError?: (event: CustomEvent<AtliqErrorDetail>) => void }>;
    'atliq-filter-bar': DefineComponent<Partial<Pick<AtliqFilterBar, 'target' | 'targetControl' | 'fiscalYearStart' | 'src' | 'theme'>> & { onAtliqFilterChange?: (event: CustomEvent<AtliqFilterChangeDetail>) => void; onAtliqTargetChange?: (event: CustomEvent<AtliqTargetChangeDetail>) => void; onAtliqError?: (event: CustomEvent<AtliqErrorDetail>) => void }>;
    'atliq-insights': DefineComponent<Partial<Pick<AtliqInsights, 'max' | 'kinds' | 'target' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { onAtliqSelect?: (event: CustomEvent<AtliqSelectDetail>) => void; onAtliqError?: (event: CustomEvent<AtliqErrorDetail>) => void }>;
    'atliq-kpi': DefineComponent<Partial<Pick<AtliqKpi, 'measure' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { onAtliqError?: (event: CustomEvent<AtliqErrorDetail>) => void }>;
    'atliq-profit-chart': DefineComponent<Partial<Pick<AtliqProfitChart, 'target' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { onAtliqSelect?: (event: CustomEvent<AtliqSelectDetail>) => void; onAtliqDrill?: (event: CustomEvent<AtliqDrillDetail>) => void; onAtliqError?: (event: CustomEvent<AtliqErrorDetail>) => void }>;
    'atliq-revenue-chart': DefineComponent<Partial<Pick<AtliqRevenueChart, 'by' | 'measure' | 'top' | 'compare' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { onAtliqSelect?: (event: CustomEvent<AtliqSelectDetail>) => void; onAtliqDrill?: (event: CustomEvent<AtliqDrillDetail>) => void; onAtliqError?: (event: CustomEvent<AtliqErrorDetail>) => void }>;
    'atliq-top-list': DefineComponent<Partial<Pick<AtliqTopList, 'by' | 'n' | 'measure' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { onAtliqSelect?: (event: CustomEvent<AtliqSelectDetail>) => void; onAtliqDrill?: (event: CustomEvent<AtliqDrillDetail>) => void; onAtliqError?: (event: CustomEvent<AtliqErrorDetail>) => void }>;
    'atliq-trend-chart': DefineComponent<Partial<Pick<AtliqTrendChart, 'grain' | 'measure' | 'locale' | 'currency' | 'asOf' | 'fiscalYearStart' | 'comparison' | 'src' | 'theme'>> & { onAtliqSelect?: (event: CustomEvent<AtliqSelectDetail>) => void; onAtliqDrill?: (event: CustomEvent<AtliqDrillDetail>) => void; onAtliqError?: (event: CustomEvent<AtliqErrorDetail>) => void }>;
  }
}

export {};
