package dev.refgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvTest {
    /** Issue 19, finding 10: cells a spreadsheet would run as formulas are written as text (OWASP, CSV Injection). */
    @Nested
    class FormulaInjection {
        @Test
        void aTextStartingWithAFormulaCharacterIsQuotedAsText() {
            assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+1+1\",\"'-2+3\",\"'@SUM(A1)\"\r\n",
                    Csv.row(List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)")));
        }

        @Test
        void aTabOrCarriageReturnAtTheStartIsNeutralisedToo() {
            assertEquals("\"'\t=1\",\"'\r=1\"\r\n", Csv.row(List.of("\t=1", "\r=1")));
        }

        @Test
        void numbersStayNumbersEvenNegative() {
            assertEquals("-0.5,-3,+2,1.5e-3,-1.5\r\n", Csv.row(List.of("-0.5", "-3", "+2", "1.5e-3", -1.5)));
        }

        @Test
        void aFormulaCharacterInsideATextChangesNothing() {
            assertEquals("Ada = Lovelace,a-b\r\n", Csv.row(List.of("Ada = Lovelace", "a-b")));
        }
    }
}
