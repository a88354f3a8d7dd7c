package com.easydesk.client;

/**
 * Checks of Russian company identifiers. An ИНН has 10 digits (organisation) or 12 (individual
 * entrepreneur) ending in check digits, which catches most typing mistakes; a КПП has 9 digits. Empty
 * means "not given" and is accepted.
 */
public final class LegalDetails {

    private static final int[] WEIGHTS_10 = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };
    private static final int[] WEIGHTS_11 = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
    private static final int[] WEIGHTS_12 = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };

    private LegalDetails() {
    }

    public static boolean isValidInn(String inn) {
        if (inn == null || inn.isBlank()) {
            return true;
        }
        String digits = inn.trim();
        if (!digits.matches("\\d{10}|\\d{12}")) {
            return false;
        }
        if (digits.length() == 10) {
            return checkDigit(digits, WEIGHTS_10) == digit(digits, 9);
        }
        return checkDigit(digits, WEIGHTS_11) == digit(digits, 10)
                && checkDigit(digits, WEIGHTS_12) == digit(digits, 11);
    }

    public static boolean isValidKpp(String kpp) {
        return kpp == null || kpp.isBlank() || kpp.trim().matches("\\d{9}");
    }

    private static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(digits, i);
        }
        return sum % 11 % 10;
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }
}
