package org.signpost.events;

/**
 * An NHS number as staff type it: ten digits, spaces allowed anywhere ("943 476 5919"), the
 * last a modulus-11 check digit of the other nine. A number with a wrong check digit is a typo:
 * recorded, it would find nobody; searched for, it would find nobody either. It is refused
 * instead, so that whoever typed it looks at it again.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    public static boolean valid(String typed) {
        if (typed == null || !typed.matches("[0-9 ]+")) {
            return false;
        }
        String digits = typed.replace(" ", "");
        if (digits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        // 10 is no digit: no NHS number is issued with such a first nine.
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
