package dev.refgrade.runtime;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CPython whose behaviour a run reproduces, chosen per run (`--python`), per exercise
 * (`python:`) or per course. Answers differ between versions (immortal objects from 3.12, PEP 683;
 * borrowed references and incremental collection in 3.14, ...): each difference is a switch of
 * {@link VersionRules}, consulted where its mechanism lives.
 */
public enum PythonVersion {
    V3_11(11, 7), V3_12(12, 7), V3_13(13, 2), V3_14(14, 2);

    /** What a run models when nobody chose: the CPython the project was built against. */
    public static final PythonVersion DEFAULT = V3_11;

    public final int minor;
    /** The release each version's answers are checked against: python3 here, and the pyodide builds (sys.version_info). */
    public final int micro;

    PythonVersion(int minor, int micro) {
        this.minor = minor;
        this.micro = micro;
    }

    /** "3.11", "3.12", ...: how users write it on the command line and in exercise files. */
    public String text() {
        return "3." + minor;
    }

    @Override
    public String toString() {
        return text();
    }

    public boolean atLeast(PythonVersion other) {
        return compareTo(other) >= 0;
    }

    /** The version a user wrote as "3.N", or empty when it is not one of these. */
    public static Optional<PythonVersion> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.text().equals(text == null ? null : text.strip())).findFirst();
    }

    /** "3.11, 3.12, 3.13 or 3.14", for messages that list the choices. */
    public static String choices() {
        PythonVersion[] all = values();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < all.length; i++) {
            if (i > 0) b.append(i == all.length - 1 ? " or " : ", ");
            b.append(all[i].text());
        }
        return b.toString();
    }
}
