/** Message templates keyed "RULE.messageId"; {name} is replaced by the finding's data. */
export const ZH_MESSAGES: Record<string, string> = {};
export const EN_MESSAGES: Record<string, string> = {};
