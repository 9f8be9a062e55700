package dev.refgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.server.Fixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A student signs in, answers an exercise (drawing the heap among other kinds), submits, and reads the score and feedback. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudentBrowserTest {
    static final String HEAP = "containers-same-object-twice", LINES = "cycles-del-leaves-cycle";
    private WebCourse web;
    private Fixture course;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = WebCourse.start(dir, 2, HEAP, LINES);
        course = web.course();
        browser = web.browser();
        web.assignment("hw2", "Containers and cycles", null, List.of(HEAP, LINES), "2025-03-15T23:59:00Z");
        web.assignment("hw3", "Containers on 3.13", null, List.of(HEAP), "2025-03-15T23:59:00Z", "3.13");
    }

    @AfterAll
    void stop() {
        if (web != null) web.close();
    }

    private WebElement question(String id) {
        return browser.find("#q-" + id);
    }

    @Test
    void answersAnExerciseSubmitsAndReadsTheFeedback() {
        browser.open("index.html");
        browser.assertAccessible();
        browser.signIn(course.token("s1"), "assignments.html");
        browser.waitForText("main", "One list, held twice");
        browser.assertAccessible();
        browser.screenshot("student-assignments");

        browser.driver.findElement(By.linkText("One list, held twice")).click();
        browser.waitFor(d -> d.findElements(By.cssSelector("#q-draw")).isEmpty() ? null : true);
        assertEquals(List.of("3", "5", "6"), browser.all("#code li.probe").stream().map(li -> li.getAttribute("data-line")).toList());
        assertEquals("Answers are for CPython 3.11.", browser.find("#python").getText(), "the course never chose: 3.11");

        drawTheListHeldTwice();
        question("count").findElement(By.tagName("input")).sendKeys("4");
        question("seen-twice").findElement(By.tagName("input")).sendKeys("[[1, 2], [1, 2]]");
        List<WebElement> boxes = question("rebound").findElements(By.cssSelector("input[type=checkbox]"));
        boxes.get(1).click();
        boxes.get(2).click();
        browser.assertAccessible();
        browser.screenshot("student-answers");

        browser.submitAnswers();
        String result = browser.waitForText("#result", "Attempt 1");
        assertTrue(result.contains("5 of 7 points"), result);
        assertTrue(question("draw").getAttribute("class").contains("correct"));
        String drawFeedback = question("draw").findElement(By.className("feedback")).getText();
        assertTrue(drawFeedback.contains("Correct") && drawFeedback.contains("2 / 2 points"), drawFeedback);
        assertFalse(question("draw").findElements(By.cssSelector(".feedback details svg.heap")).isEmpty(), "the heap at the probe is drawn");
        assertTrue(question("draw-after").getAttribute("class").contains("incorrect"));
        assertTrue(question("draw-after").findElement(By.className("feedback")).getText().contains("Not right"));
        browser.waitForText("#attempts", "Attempt 1 — 5 / 7");
        browser.assertAccessible();
        browser.screenshot("student-feedback");

        browser.open("assignments.html");
        browser.waitForText("main", "5 / 7");
    }

    @Test
    void theExercisePageSaysWhichPythonTheAnswersAreFor() {
        browser.signIn(course.token("s2"), "assignments.html");
        browser.open("exercise.html?c=cs101&a=hw3&e=" + HEAP);
        browser.waitForText("#python", "Answers are for CPython 3.13.");
        browser.assertAccessible();
    }

    @Test
    void drawsAHeapAnswerByDraggingArrowsWithTheTypeInAnyCase() {
        browser.signIn(course.token("s2"), "assignments.html");
        browser.open("exercise.html?c=cs101&a=hw2&e=" + HEAP);
        WebElement q = browser.waitFor(d -> d.findElement(By.id("q-draw")));
        org.openqa.selenium.interactions.Actions act = new org.openqa.selenium.interactions.Actions(browser.driver);
        for (String name : List.of("x", "lst")) {
            WebElement svg = q.findElement(By.cssSelector(".diagram svg"));
            int right = svg.getRect().getWidth() / 2 - 20; // empty space at the drawing's right edge
            act.clickAndHold(q.findElement(By.cssSelector("circle[data-port='name:" + name + "']")))
                    .moveToElement(svg, right, 0).release().perform();
            browser.driver.switchTo().activeElement().sendKeys("List"); // a new object, its type field focused
        }
        for (int k = 0; k < 2; k++) { // from lst's list to x's: a reference each time
            act.clickAndHold(q.findElement(By.cssSelector("g.object[data-id='1'] rect")))
                    .moveToElement(q.findElement(By.cssSelector("g.object[data-id='0'] rect"))).release().perform();
        }
        assertEquals(4, q.findElements(By.cssSelector(".diagram svg path.ref")).size(), "two names' arrows and two items'");
        assertEquals("0", new Select(q.findElement(By.cssSelector("select[aria-label='reference 2 of object #1 points to']")))
                .getFirstSelectedOption().getAttribute("value"), "the form follows the drawing");
        browser.assertAccessible();
        browser.screenshot("student-heap-drag-and-drop", q, q);
        browser.submitAnswers();
        browser.waitForText("#result", "Attempt 1");
        assertTrue(question("draw").getAttribute("class").contains("correct") && !question("draw").getAttribute("class").contains("incorrect"),
                question("draw").findElement(By.className("feedback")).getText());
    }

    /** x -> an empty list #0; lst -> list #1 whose [0] and [1] both refer to #0. Keyboard-focus moves as a person's would. */
    private void drawTheListHeldTwice() {
        WebElement q = question("draw");
        q.findElement(By.xpath(".//button[text()='Add object']")).click();
        browser.driver.switchTo().activeElement().sendKeys("list");
        q.findElement(By.xpath(".//button[text()='Add object']")).click();
        browser.driver.switchTo().activeElement().sendKeys("list");
        for (int k = 1; k <= 2; k++) {
            q.findElement(By.cssSelector("[data-focus='add-ref-1']")).click();
            new Select(q.findElement(By.cssSelector("select[aria-label='reference " + k + " of object #1 points to']"))).selectByValue("0");
        }
        new Select(q.findElement(By.cssSelector("select[aria-label='x refers to']"))).selectByValue("0");
        new Select(q.findElement(By.cssSelector("select[aria-label='lst refers to']"))).selectByValue("1");
        assertEquals(4, q.findElements(By.cssSelector(".diagram svg path.ref")).size(), "the preview draws both names' arrows and both items'");
    }

    @Test
    void linesArePickedByClickingThem() {
        browser.signIn(course.token("s2"), "assignments.html");
        browser.open("exercise.html?c=cs101&a=hw2&e=" + LINES);
        WebElement line12 = browser.waitFor(d -> d.findElements(By.cssSelector("#q-freed-line li[data-line='12'] button")).stream().findFirst().orElse(null));
        line12.click();
        assertEquals("true", line12.getAttribute("aria-pressed"));
        assertTrue(question("freed-line").getText().contains("Picked: 12"));
        browser.submitAnswers();
        browser.waitForText("#result", "Attempt 1");
        assertTrue(question("freed-line").getAttribute("class").contains("correct"));
    }
}
