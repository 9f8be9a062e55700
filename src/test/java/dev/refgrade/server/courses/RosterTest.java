package dev.refgrade.server.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.refgrade.server.ApiError;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterTest {
    @Test
    void csvWithQuotesCrlfAndColumnsInAnyOrder() {
        assertEquals(List.of(new Roster.Row("s1", "Ada"), new Roster.Row("s2", "Lovelace, \"Ada\"")),
                Roster.csv("name,id\r\nAda,s1\r\n\"Lovelace, \"\"Ada\"\"\",s2\r\n\r\n", new java.util.ArrayList<>()));
    }

    @Test
    void aHeaderWithoutIdIsRefusedAtLineOne() {
        ApiError e = assertThrows(ApiError.class, () -> Roster.csv("student,name\ns1,Ada\n", new java.util.ArrayList<>()));
        assertEquals("line 1", e.field());
    }

    @Test
    void aShortRowHasNoName() {
        List<String> lines = new java.util.ArrayList<>();
        assertEquals(java.util.Arrays.asList(new Roster.Row("s1", null)), Roster.csv("id,name\n\ns1\n", lines));
        assertEquals(List.of("line 3"), lines, "a row's field is named by its line in the file");
    }
}
