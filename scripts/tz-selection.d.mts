// Types of scripts/tz-selection.mjs, for vitest.config.ts.
export declare const SUITE_ZONES: string[];
export declare function zoneSensitiveTestFiles(): { file: string; reasons: string[] }[];
export declare function zoneProject(zone: string): string;
