package dev.refgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.server.Fixture;
import dev.refgrade.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The exercise page as a student meets it: no attempt spent by accident, the terms told first, drafts kept, notebooks as notebooks. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExercisePageBrowserTest {
    static final String IDENTITY = "identity-is-vs-eq", SMALLINT = "smallint-cache-boundary", SEED = "seed-memory-references";
    private WebCourse web;
    private TestServer server;
    private Fixture course;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = WebCourse.start(dir, 10, SEED); // hw1: the default rubric, due a week after the clock's now
        server = web.server();
        course = web.course();
        browser = web.browser();
        web.assignment("exam1", "Assignment exam1", "exam", List.of(SMALLINT), "2025-03-08T23:59:00Z");
        web.assignment("old", "Assignment old", "exam", List.of(SMALLINT), "2025-02-01T23:59:00Z");
        web.assignment("late", "Assignment late", null, List.of(SMALLINT), "2025-02-27T23:59:00Z");
        web.assignment("nb", "Assignment nb", "practice", List.of(SEED), "2025-03-08T23:59:00Z");
    }

    @AfterAll
    void stop() {
        if (web != null) web.close();
    }

    /** Signs the student in and opens the exercise, waiting until its form is laid out and its terms shown. */
    private void open(String student, String assignment, String exercise) {
        browser.signIn(course.token(student), "assignments.html");
        browser.open("exercise.html?c=cs101&a=" + assignment + "&e=" + exercise);
        browser.waitFor(d -> d.findElements(By.cssSelector("#terms li, #closed.note")).isEmpty() ? null : true);
    }

    private int submissions(String student, String assignment, String exercise) {
        return server.api.get("/api/courses/cs101/assignments/" + assignment + "/exercises/" + exercise + "/submissions",
                course.token(student)).json().size();
    }

    private WebElement input(String question) {
        return browser.find("#q-" + question + " input");
    }

    @Nested
    class NoAttemptIsSpentByAccident {
        @Test
        void enterInAnAnswerFieldSubmitsNothing() {
            open("s1", "hw1", IDENTITY);
            input("after-append").sendKeys("[1, 2, 3]" + Keys.ENTER);
            assertNotNull(browser.find("#confirm").getAttribute("hidden"), "no confirmation asked either: nothing was submitted");
            assertEquals("", browser.find("#result").getText());
            assertEquals(0, submissions("s1", "hw1", IDENTITY));
        }

        @Test
        void blankQuestionsAreNamedAndNothingIsSpentUntilConfirmed() {
            open("s2", "hw1", IDENTITY);
            browser.find("#q-alias input[value=True]").click();
            browser.find("#submit").click();
            String asked = browser.waitForText("#confirm", "no answer");
            assertTrue(asked.contains("4 questions have no answer: Q2, Q3, Q4, Q5"), asked);
            assertTrue(asked.contains("This uses attempt 1 of 5; 4 will be left"), asked);
            browser.assertAccessible();
            browser.screenshot("student-confirm-blanks");
            browser.find("#confirm-cancel").click();
            assertEquals(0, submissions("s2", "hw1", IDENTITY));
            browser.find("#submit").click();
            browser.find("#confirm-submit").click();
            browser.waitForText("#result", "Attempt 1");
            assertEquals(1, submissions("s2", "hw1", IDENTITY));
            assertTrue(browser.find("#terms").getText().contains("Each attempt after the first loses 10% of the points"),
                    browser.find("#terms").getText());
            assertTrue(browser.find("#terms").getText().contains("This attempt can earn at most 90% of the points"));
        }

        @Test
        void anExamShowsNoVerdictAndClosesAfterItsOnlyAttempt() {
            open("s3", "exam1", SMALLINT);
            assertTrue(browser.find("#terms").getText().contains("not shown until the due date"), browser.find("#terms").getText());
            browser.find("#q-high input[value=True]").click();
            browser.find("#q-low input[value=False]").click();
            browser.find("#q-plus-one input[type=checkbox]").click();
            browser.find("#submit").click();
            assertTrue(browser.waitForText("#confirm", "attempt").contains("This uses attempt 1 of 1; none will be left"));
            browser.find("#confirm-submit").click();
            assertTrue(browser.waitForText("#result", "Attempt 1").contains("recorded"));
            browser.waitForText("#closed", "Closed");
            String page = browser.find("main").getText();
            for (String verdict : List.of("✓", "✗", "Correct", "Not right", "Partly")) assertFalse(page.contains(verdict), verdict + " in " + page);
            assertTrue(page.contains("Closed: you have used your only attempt."), page);
            assertFalse(browser.find("#submit").isDisplayed());
            assertFalse(browser.find("#q-high input[value=True]").isEnabled(), "the closed form takes no more answers");
            browser.assertAccessible();
            browser.screenshot("student-exam-recorded");
        }
    }

    @Nested
    class TheTermsAreShownBeforeSubmitting {
        @Test
        void aFormPastItsCutoffIsClosed() {
            open("s4", "old", SMALLINT);
            assertTrue(browser.waitForText("#closed", "Closed").contains("Closed: submissions closed on"));
            assertFalse(browser.find("#submit").isDisplayed());
            browser.screenshot("student-closed-past-cutoff");
        }

        @Test
        void lateWorkStatesItsPenalty() {
            open("s4", "late", SMALLINT);
            String terms = browser.find("#terms").getText();
            assertTrue(terms.contains("It is past the due date: late work loses 10% per started day"), terms);
            assertTrue(terms.contains("This attempt can earn at most 80% of the points"), terms);
            browser.screenshot("student-late-terms");
        }
    }

    @Test
    void answersTypedButNotSubmittedSurviveAReload() {
        open("s5", "hw1", IDENTITY);
        input("after-append").sendKeys("[1, 2, 3]");
        browser.find("#q-alias input[value=False]").click();
        browser.driver.navigate().refresh();
        browser.waitForText("#draft-note", "kept");
        assertEquals("[1, 2, 3]", input("after-append").getAttribute("value"));
        assertTrue(browser.find("#q-alias input[value=False]").isSelected());
        browser.screenshot("student-draft-restored");
    }

    @Test
    void theSeedNotebookAsksEachQuestionUnderItsCell() {
        open("s6", "nb", SEED);
        WebElement cell25 = browser.find("section.cell[data-cell='25']");
        assertEquals("In [25]:", cell25.findElement(By.className("prompt")).getText());
        WebElement asked = cell25.findElement(By.id("q-c25-same-ten"));
        WebElement code = cell25.findElement(By.cssSelector("ol.code"));
        int gap = asked.getRect().getY() - (code.getRect().getY() + code.getRect().getHeight());
        assertTrue(gap >= 0 && gap < 60, "the question sits right under its cell, " + gap + " px below");
        assertNotNull(browser.find("section.cell[data-cell='20']").findElement(By.id("q-exists-after-none")),
                "a question asked after a cell sits under that cell");
        assertEquals(0, browser.all("#questions > *").size(), "no question is left at the end, far from its cell");
        assertNull(browser.find("section.cell[data-cell='1']").findElements(By.className("cell-questions")).stream().findFirst().orElse(null));
        browser.assertAccessible();
        browser.screenshot("student-notebook");
        browser.screenshot("student-notebook-cells-24-to-27", browser.find("section.cell[data-cell='24']"), browser.find("section.cell[data-cell='27']"));
    }

    @Test
    void introAndPromptsAreMarkdownAndPythonIsHighlighted() {
        open("s10", "nb", SEED);
        assertEquals("Out[N]", browser.find("#intro code").getText(), "the intro's `Out[N]` is code");
        assertEquals("sys.getrefcount(a)", browser.find("#q-c4-getrefcount-prompt code").getText());
        WebElement cell5 = browser.find("section.cell[data-cell='5'] ol.code");
        assertEquals(List.of("import", "def", "return"), cell5.findElements(By.className("tok-kw")).stream().map(WebElement::getText).toList());
        assertTrue(cell5.getText().contains("def true_ref_count(address):"), "highlighting changes no text");
        browser.screenshot("student-markdown-highlighted", browser.find("#intro"), browser.find("section.cell[data-cell='5']"));
    }

    /** The seed's gc question answered False (the cycle is gone), the rest left blank, submitted. */
    private WebElement answerThatTheCycleIsGone(String student) {
        open(student, "nb", SEED);
        browser.find("#q-exists-after-none input[value=False]").click();
        browser.submitAnswers();
        browser.waitForText("#result", "Attempt 1");
        return browser.find("#q-exists-after-none");
    }

    @Test
    void theFeedbackDrawsTheLeakedCycleAliveAfterItsLastNameIsRebound() {
        WebElement q = answerThatTheCycleIsGone("s7");
        List<WebElement> leaked = q.findElements(By.cssSelector(".feedback details svg .object.unreachable"));
        assertEquals(2, leaked.size(), "the A and the B that hold each other");
        for (WebElement box : leaked) assertTrue(box.getText().contains("rc 1"), box.getText());
        assertTrue(q.findElement(By.cssSelector(".feedback details svg")).getText().contains("Alive, but no name reaches them"));
        browser.screenshot("student-feedback-leaked-cycle", q, q);
    }

    @Test
    void theFeedbackNamesTheBeliefThatExplainsTheAnswerInWordsOnly() {
        String feedback = answerThatTheCycleIsGone("s9").findElement(By.className("feedback")).getText();
        assertTrue(feedback.contains("Misconception: Reference counting frees cycles."), feedback);
        assertFalse(feedback.contains("Assignment copies"), "no assignment explains this answer: " + feedback);
        assertFalse(browser.find("main").getText().contains("cycles-freed-at-once"), "no raw ids");
    }

    @Test
    void theAssignmentsPageLoadsWithOneRequestAndSaysWhatIsOpen() {
        browser.signIn(course.token("s8"), "assignments.html");
        browser.waitForText("#courses", "Assignment nb");
        Object requests = browser.driver.executeScript(
                "return performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.startsWith('/api/')).length");
        assertEquals(1L, requests, "one request for the page's data");
        String page = browser.find("#courses").getText();
        assertTrue(page.contains("Where the small-int cache ends (closed)"), "the exam past its cut-off: " + page);
        assertEquals(6, browser.all("#courses tr td a").size(), "every exercise of the five assignments");
        browser.assertAccessible();
        browser.screenshot("student-assignments-one-request");
    }
}
