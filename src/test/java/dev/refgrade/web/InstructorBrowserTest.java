package dev.refgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.server.Databases;
import dev.refgrade.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An instructor creates a course, uploads a roster, sets an assignment, downloads the gradebook, reads item analysis, previews exercises and the student's page. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstructorBrowserTest {
    static final String E = "identity-is-vs-eq";
    private TestServer server;
    private Browser browser;
    private Path dir;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        server = TestServer.start(Databases.sqlite(dir), TestServer.library(dir));
        browser = new Browser("http://localhost:" + server.app.port() + "/");
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        server.close();
    }

    @Test
    void runsACourseFromRosterToGradebookAndItemAnalysis() throws Exception {
        browser.signIn(TestServer.ADMIN, "instructor.html");
        browser.waitForText("main", "New course");
        browser.assertAccessible();
        browser.find("form[aria-label='New course'] input[name=id]").sendKeys("cs200");
        browser.find("form[aria-label='New course'] input[name=title]").sendKeys("Memory models");
        browser.find("form[aria-label='New course'] button[type=submit]").click();
        browser.waitForText("#roster-h", "Roster (0)");
        browser.find("#course-settings summary").click();
        WebElement rename = browser.find("form[aria-label='Rename course'] input[name=title]");
        rename.clear();
        rename.sendKeys("Memory models, spring");
        browser.find("form[aria-label='Rename course'] button[type=submit]").click();
        browser.waitForText("#title", "Memory models, spring");
        browser.find("#course-settings summary").click();

        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "id,name\ns1,Ada Lovelace\ns2,Alan Turing\ns3,Grace Hopper\ns4,Edsger Dijkstra\n");
        browser.find("form[aria-label='Upload roster'] input[type=file]").sendKeys(roster.toAbsolutePath().toString());
        browser.find("form[aria-label='Upload roster'] button[type=submit]").click();
        browser.waitForText("#roster-h", "Roster (4)");
        browser.waitForText("#grades-h + table", "Edsger Dijkstra"); // the gradebook follows the roster without a reload
        List<WebElement> issued = browser.all("#issued tbody tr");
        assertEquals(4, issued.size());
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        for (WebElement row : issued) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            tokens.put(cells.get(0).getText(), cells.get(1).getText());
        }
        browser.screenshot("instructor-roster");
        browser.find("#download-tokens").click();
        Path tokensCsv = browser.downloads.resolve("tokens-cs200.csv");
        browser.waitFor(d -> Files.exists(tokensCsv) ? true : null);
        List<String> tokenLines = Files.readAllLines(tokensCsv, StandardCharsets.UTF_8);
        assertEquals("student,token", tokenLines.get(0));
        assertEquals("s1," + tokens.get("s1"), tokenLines.get(1));

        WebElement form = browser.find("form[aria-label='New assignment']");
        form.findElement(By.name("id")).sendKeys("hw1");
        form.findElement(By.name("title")).sendKeys("Identity");
        browser.driver.executeScript("arguments[0].value = '2025-03-20T23:59'", form.findElement(By.name("due")));
        form.findElement(By.cssSelector("input[type=search]")).sendKeys("identical");
        assertEquals(1, form.findElements(By.cssSelector(".picker-results li")).size(), "the search finds the one exercise by its title");
        form.findElement(By.cssSelector(".picker-results input[type=checkbox]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText("#assignments-h + div", "Identity (hw1)");
        browser.assertAccessible();

        // Students answer through the API: two get everything right, two miss `alias`.
        String path = "/api/courses/cs200/assignments/hw1/exercises/" + E + "/submissions";
        var right = Map.of("alias", true, "equal-copy", List.of(0, 3), "after-append", "[1, 2, 3, 4]", "still-equal", true, "plus-rebinds", List.of(1, 2));
        var wrong = Map.of("alias", false, "equal-copy", List.of(0, 3), "after-append", "[1, 2, 3]", "still-equal", true, "plus-rebinds", List.of(0));
        for (var t : tokens.entrySet()) {
            var answers = t.getKey().equals("s1") || t.getKey().equals("s2") ? right : wrong;
            assertEquals(201, server.api.post(path, t.getValue(), Map.of("answers", answers)).status());
        }

        browser.open("instructor.html?c=cs200");
        String grades = browser.waitForText("#grades-h + table", "Ada Lovelace");
        assertTrue(grades.contains("5"), grades);
        browser.find("#download-csv").click();
        Path csv = browser.downloads.resolve("gradebook-cs200.csv");
        browser.waitFor(d -> Files.exists(csv) ? true : null);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("Student,ID,Identity (hw1),Total", lines.get(0));
        assertTrue(lines.get(1).startsWith("Points Possible"), lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Ada Lovelace,s1,5")), String.join("\n", lines));
        browser.screenshot("instructor-gradebook");

        browser.driver.findElement(By.linkText("item analysis")).click();
        browser.waitForText("#message", "4 students submitted");
        assertEquals(5, browser.all("svg.chart rect.bar").size());
        String chart = browser.find("svg.chart desc").getAttribute("textContent");
        assertTrue(chart.contains("Q1 (alias): 50% correct") && chart.contains("Q2 (equal-copy): 100% correct"), chart);
        String details = browser.find("#details").getText();
        assertTrue(details.contains("Common wrong answers to Q1"), details);
        List<String> wrongAnswers = browser.all("#details pre.answer").stream().map(WebElement::getText).toList();
        assertEquals(List.of("False", "[1, 2, 3]", "d is c"), wrongAnswers, "as the students gave them: True/False, the text, the statement ticked");
        browser.assertAccessible();
        browser.screenshot("instructor-item-analysis");

        // The student's page, read-only: nothing to submit (the server would answer 403), no one's attempts.
        browser.open("instructor.html?c=cs200");
        browser.waitFor(d -> d.findElements(By.linkText("as a student sees it")).isEmpty() ? null : true);
        browser.driver.findElement(By.linkText("as a student sees it")).click();
        browser.waitForText("#preview-note", "Preview");
        assertTrue(browser.all("#submit").isEmpty() && browser.all("#history").isEmpty(), "no submit button, no earlier attempts");
        List<WebElement> controls = browser.all("#answers input, #answers select, #answers textarea, #answers button");
        assertTrue(!controls.isEmpty() && controls.stream().noneMatch(WebElement::isEnabled), "every answer control is disabled");
        assertTrue(browser.find("#questions").getText().contains("Question 1"), browser.find("#questions").getText());
        browser.assertAccessible();
        browser.screenshot("instructor-student-page-preview");
    }

    @Test
    void previewsTheAnswerKeyAndADraftsProblems() {
        browser.signIn(TestServer.ADMIN, "instructor.html");
        browser.open("preview.html?e=" + E);
        String key = browser.waitForText("#content", "Answer key");
        assertTrue(key.contains("✓ true: a == c") && key.contains("✗ false: a is c"), key);
        browser.assertAccessible();
        browser.screenshot("instructor-preview");

        browser.open("preview.html");
        browser.waitForText("#content", "Write an exercise"); // the other tests may have added to the library
        browser.find("#draft").sendKeys("id: d\ntitle: D\ncode: |\n  a = 1\nquestions:\n  - id: q\n    prompt: p\n    answer: int\n    aftr: 1\n");
        browser.driver.findElement(By.xpath("//button[text()='Check draft']")).click();
        String problems = browser.waitForText("#draft-result", "problem");
        assertTrue(problems.contains("9:5") && problems.contains("aftr"), problems);
        browser.assertAccessible();
        browser.screenshot("instructor-draft-problems");
    }

    @Test
    void writesAnExerciseSeesEveryProblemAtItsLineThenSavesItIntoTheLibrary() throws Exception {
        browser.signIn(TestServer.ADMIN, "instructor.html");
        browser.open("preview.html");
        WebElement draft = browser.waitFor(d -> d.findElement(By.id("draft")));
        String yaml = "id: written-here\ntitle: Written here\ncode: |\n  a = [1]\n  b = a\nquestions:\n  - id: q\n    prompt: After line 2, `a is b`?\n"
                + "    answer: boolean\n    aftr: 2\n    expr: a is b\n";
        draft.sendKeys(yaml);
        browser.driver.findElement(By.xpath("//button[text()='Save as new exercise']")).click();
        String problems = browser.waitForText("#draft-result", "nothing was saved");
        assertTrue(problems.contains("9:") && problems.contains("10:5"), "every problem at once, each at its line: " + problems);
        assertEquals(List.of("9", "10"), browser.all(".editor .gutter .bad").stream().map(WebElement::getText).toList(), "the lines marked beside the text");
        assertTrue(Files.notExists(dir.resolve("exercises/written-here.yaml")), "nothing written");
        browser.find("#draft-result button[aria-label='go to line 10, column 5']").click();
        assertEquals(yaml.indexOf("aftr"), ((Number) browser.driver.executeScript("return document.getElementById('draft').selectionStart")).intValue());
        browser.assertAccessible();
        browser.screenshot("instructor-authoring-problems");

        browser.driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", draft,
                yaml.replace("boolean", "bool").replace("aftr", "after"));
        browser.driver.findElement(By.xpath("//button[text()='Save as new exercise']")).click();
        browser.waitForText("#draft-result", "Saved exercises/written-here.yaml");
        assertTrue(Files.readString(dir.resolve("exercises/written-here.yaml")).contains("answer: bool\n    after: 2"));
        browser.driver.findElement(By.linkText("Preview it")).click();
        assertTrue(browser.waitForText("#content", "Answer key").contains("True"));
        browser.find("#edit summary").click();
        assertTrue(browser.waitFor(d -> d.findElement(By.id("draft"))).getAttribute("value").startsWith("id: written-here"));
        browser.screenshot("instructor-authoring-saved");
    }

    @Test
    void previewsEveryVariantsProgramBesideItsKey() {
        browser.signIn(TestServer.ADMIN, "instructor.html");
        browser.open("preview.html?e=smallint-cache-boundary");
        browser.waitForText("#variant", "Answer key 1");
        org.openqa.selenium.support.ui.Select pick = new org.openqa.selenium.support.ui.Select(browser.find("select.variant-pick"));
        assertEquals(4, pick.getOptions().size());
        assertEquals("4 of 4: hi=256, lo=-6", pick.getOptions().get(3).getText());
        pick.selectByIndex(3);
        String variant = browser.waitForText("#variant", "Answer key 4");
        assertTrue(variant.contains("c = int(\"-6\")"), variant);
        List<WebElement> keys = browser.all("#variant section.panel pre.output");
        assertEquals(List.of("True", "False"), keys.stream().limit(2).map(WebElement::getText).toList(), "-6 is past the cache: c is d is False");
        browser.assertAccessible();
        browser.screenshot("instructor-preview-variant");
    }

    @Test
    void editsAndDeletesAssignmentsRegradesAndReadsOneStudentsAttempts() {
        dev.refgrade.server.Fixture f = dev.refgrade.server.Fixture.create(server, "cs300", 2, null);
        assertEquals(201, server.api.post("/api/courses/cs300/assignments", TestServer.ADMIN,
                Map.of("id", "spare", "title", "Spare", "exercises", List.of(E), "due", "2025-04-01T00:00:00Z")).status());
        assertEquals(201, server.api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of("alias", true))).status());
        browser.signIn(TestServer.ADMIN, "instructor.html");
        browser.open("instructor.html?c=cs300");
        String book = browser.waitForText("#grades-h + table", "Student 2");
        assertTrue(book.contains("Student 2 s2 —"), "blank, not 0: " + book);

        WebElement hw1 = browser.find("#assignment-hw1");
        hw1.findElement(By.xpath(".//button[text()='Edit hw1']")).click();
        WebElement edit = browser.find("form[aria-label='Edit hw1']");
        edit.findElement(By.name("title")).clear();
        edit.findElement(By.name("title")).sendKeys("Identity, cache first");
        edit.findElement(By.cssSelector("button[aria-label='move Where the small-int cache ends up']")).click();
        browser.driver.executeScript("arguments[0].value = '2025-02-20T09:00'", edit.findElement(By.name("release")));
        browser.assertAccessible();
        browser.screenshot("instructor-edit-assignment");
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        String saved = browser.waitForText("#assignment-hw1", "Identity, cache first");
        assertTrue(saved.indexOf("Where the small-int cache ends") < saved.indexOf("Equal is not the same as identical"), saved);
        assertTrue(saved.contains("released to students on"), "the release date is shown: " + saved);

        browser.find("#assignment-spare").findElement(By.xpath(".//button[text()='Delete spare']")).click();
        browser.waitFor(d -> d.findElements(By.id("assignment-spare")).isEmpty() ? true : null);
        browser.find("#assignment-hw1").findElement(By.xpath(".//button[text()='Delete hw1']")).click();
        assertTrue(browser.waitForText("#assignment-hw1", "Error (deleting hw1)").contains("cannot be deleted"));
        browser.find("#assignment-hw1").findElement(By.xpath(".//button[text()='Regrade hw1']")).click();
        browser.waitForText("#assignment-hw1", "Regraded 1 submission");

        WebElement extensions = browser.find("#acc-hw1");
        extensions.findElement(By.tagName("summary")).click();
        WebElement extend = extensions.findElement(By.cssSelector("form[aria-label='Extension for hw1']"));
        new org.openqa.selenium.support.ui.Select(extend.findElement(By.name("student"))).selectByValue("s2");
        browser.driver.executeScript("arguments[0].value = '2025-03-12T23:59'", extend.findElement(By.name("due")));
        extend.findElement(By.name("extra")).clear();
        extend.findElement(By.name("extra")).sendKeys("2");
        extend.findElement(By.name("note")).sendKeys("flu, doctor's note");
        extend.findElement(By.cssSelector("button[type=submit]")).click();
        String granted = browser.waitForText("#acc-hw1 summary", "(1)");
        assertTrue(browser.find("#acc-hw1").getText().contains("flu, doctor's note"), granted);
        assertEquals(7, server.api.get(f.exercisePath(E), f.token("s2")).json().get("terms").get("attempts_allowed").asInt(), "5 and 2 more");
        browser.assertAccessible();
        browser.screenshot("instructor-extension", browser.find("#assignment-hw1"), browser.find("#assignment-hw1"));

        browser.driver.findElement(By.xpath("//button[text()='Student 1']")).click();
        String attempts = browser.waitForText("#drill", "every attempt");
        assertTrue(attempts.contains(E + " 1"), attempts);
        assertTrue(attempts.contains("smallint-cache-boundary —"), attempts);
        browser.assertAccessible();
        browser.screenshot("instructor-drill-down");
    }

    @Test
    void resetsAStudentsAttemptsAndSetsAScoreWithANoteTheStudentReads() {
        dev.refgrade.server.Fixture f = dev.refgrade.server.Fixture.create(server, "cs400", 1, "exam");
        assertEquals(201, server.api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of("alias", true))).status());
        browser.signIn(TestServer.ADMIN, "instructor.html");
        browser.open("instructor.html?c=cs400");
        browser.waitForText("#grades-h + table", "Student 1");
        browser.driver.findElement(By.xpath("//button[text()='Student 1']")).click();
        browser.waitForText("#drill", "every attempt");
        WebElement adjust = browser.find("#adjust-hw1-" + E);
        adjust.findElement(By.tagName("summary")).click();
        adjust.findElement(By.xpath(".//button[text()='Reset " + E + " attempts']")).click();
        assertTrue(adjust.getText().contains("stay stored but stop counting"), adjust.getText());
        adjust.findElement(By.xpath(".//button[text()='Yes, reset " + E + " for s1']")).click();
        browser.waitForText("#message", "no longer count");
        assertTrue(browser.waitForText("#drill", "no: reset").contains(E + " 1"));
        assertEquals(0, server.api.get(f.exercisePath(E), f.token("s1")).json().get("terms").get("attempts_made").asInt(), "a fresh start");

        adjust = browser.find("#adjust-hw1-" + E);
        adjust.findElement(By.tagName("summary")).click();
        WebElement set = adjust.findElement(By.cssSelector("form[aria-label='Override " + E + " for s1']"));
        set.findElement(By.name("score")).sendKeys("4");
        set.findElement(By.name("note")).sendKeys("regraded question 2 by hand");
        set.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText("#message", "set to 4");
        String book = browser.waitForText("#grades-h + table", "✎");
        assertTrue(book.contains("4 ✎"), book);
        browser.find("#adjust-hw1-" + E).findElement(By.tagName("summary")).click();
        browser.assertAccessible();
        browser.screenshot("instructor-reset-and-override", browser.find("#grades-h"), browser.find("#drill"));

        browser.signIn(f.token("s1"), "assignments.html");
        browser.waitForText("main", "regraded question 2 by hand");
        browser.open("exercise.html?c=cs400&a=hw1&e=" + E);
        String note = browser.waitForText("#override", "set your score to 4");
        assertTrue(note.contains("regraded question 2 by hand"), note);
        assertTrue(browser.waitForText("#attempts", "reset by your instructor").contains("Attempt 1"));
        browser.assertAccessible();
        browser.screenshot("student-sees-override");
    }
}
