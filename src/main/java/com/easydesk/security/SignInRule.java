package com.easydesk.security;

import java.time.Duration;

/**
 * When failed sign-ins slow down and lock, for accounts or for addresses: after {@code slowAfter} failures
 * each further attempt waits {@code firstPause}, then twice as long after each further failure (never longer
 * than the window); {@code lockAfter} failures lock for {@code lockDuration}. Failures count while each
 * comes within {@code window} of the previous one.
 */
record SignInRule(int slowAfter, int lockAfter, Duration firstPause, Duration window, Duration lockDuration) {

    private static final int LONGEST_DOUBLING = 30;

    /** How long to wait after the given number of failures before the next attempt is looked at. */
    Duration pauseAfter(int failures) {
        int doublings = Math.min(Math.max(failures - slowAfter, 0), LONGEST_DOUBLING);
        Duration pause = firstPause.multipliedBy(1L << doublings);
        return pause.compareTo(window) > 0 ? window : pause;
    }
}
