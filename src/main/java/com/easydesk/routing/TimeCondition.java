package com.easydesk.routing;

/** When in the provider's week a rule applies. */
public enum TimeCondition {
    /** Any time on the chosen weekdays. */
    ANY,
    /** Between two times of day on the chosen weekdays; a window may run past midnight. */
    WINDOW,
    /** Within the business hours setting. */
    BUSINESS_HOURS,
    /** Outside the business hours setting. */
    AFTER_HOURS
}
