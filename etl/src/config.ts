/** Cleaning rules of a run. The defaults reproduce the reference Atliq dashboard's cleaning. */
export interface CleaningRules {
  /** Rate into INR per unit of each accepted currency; other currencies are quarantined. */
  fxRates: Record<string, number>;
  /** Quarantine rows whose amount is zero or negative (the reference removes 0 and -1). */
  rejectNonPositiveAmounts: boolean;
  /** Quarantine rows that are exact duplicates of another once currency is normalised. */
  rejectDuplicates: boolean;
}

export const DEFAULT_RULES: CleaningRules = {
  // 75 INR per USD is the rate the original Power BI dashboard used.
  fxRates: { INR: 1, USD: 75 },
  rejectNonPositiveAmounts: true,
  rejectDuplicates: true,
};
