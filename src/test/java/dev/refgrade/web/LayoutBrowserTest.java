package dev.refgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.server.Fixture;
import dev.refgrade.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;

/** What every page owes every user: a session that lasts across tabs, the role's own navigation, a phone's width, the system's dark mode. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayoutBrowserTest {
    static final String SEED = "seed-memory-references";
    private WebCourse web;
    private Fixture course;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = WebCourse.start(dir, 2, SEED);
        course = web.course();
        browser = web.browser();
        web.assignment("nb", "The seed notebook", "practice", List.of(SEED), "2025-03-08T23:59:00Z");
    }

    @AfterAll
    void stop() {
        if (web != null) web.close();
    }

    @AfterEach
    void restore() {
        browser.driver.manage().window().setSize(new Dimension(1280, 1300));
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    private void openNotebook() {
        browser.open("exercise.html?c=cs101&a=nb&e=" + SEED);
        browser.waitFor(d -> d.findElements(By.cssSelector("section.cell[data-cell='41']")).isEmpty() ? null : true);
    }

    @Nested
    class Session {
        @Test
        void signingInSurvivesANewTab() {
            browser.signIn(course.token("s1"), "assignments.html");
            String first = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(WindowType.TAB);
            browser.open("assignments.html");
            browser.waitForText("#courses", "The seed notebook");
            assertTrue(browser.driver.getCurrentUrl().endsWith("assignments.html"), "not sent back to sign in");
            browser.driver.close();
            browser.driver.switchTo().window(first);
        }

        @Test
        void aStudentSeesNoInstructorNavigationAndAnInstructorNoStudentsAssignments() {
            browser.signIn(course.token("s1"), "assignments.html");
            List<String> student = browser.all("header nav a").stream().map(a -> a.getText()).toList();
            assertEquals(List.of("Assignments", "Playground"), student);
            browser.signIn(TestServer.ADMIN, "instructor.html");
            assertEquals(List.of("Instructor", "Playground"), browser.all("header nav a").stream().map(a -> a.getText()).toList());
        }
    }

    @Test
    void onAPhoneNoPageIsWiderThanTheScreen() {
        browser.signIn(course.token("s2"), "assignments.html");
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("assignments.html", "exercise.html?c=cs101&a=nb&e=" + SEED, "playground.html")) {
            browser.open(page);
            browser.waitFor(d -> d.findElements(By.cssSelector("header.top")).isEmpty() ? null : true);
            if (page.startsWith("exercise")) openNotebook();
            if (page.startsWith("assignments")) browser.waitForText("#courses", "The seed notebook");
            long overflow = (Long) browser.driver.executeScript("const e = document.documentElement; return e.scrollWidth - e.clientWidth;");
            assertEquals(0L, overflow, page + " is wider than the phone by " + overflow + " px");
        }
        openNotebook();
        browser.screenshot("phone-390-notebook", browser.find("header.top"), browser.find("section.cell[data-cell='4']"));
    }

    @Test
    void onAPhoneTheInstructorsPagesFitToo() {
        browser.signIn(TestServer.ADMIN, "instructor.html");
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("instructor.html?c=cs101", "preview.html", "preview.html?e=" + SEED)) {
            browser.open(page);
            browser.waitForText("main", page.startsWith("instructor") ? "Gradebook" : page.contains("?e=") ? "Answer key" : "Write an exercise");
            long overflow = (Long) browser.driver.executeScript("const e = document.documentElement; return e.scrollWidth - e.clientWidth;");
            assertEquals(0L, overflow, page + " is wider than the phone by " + overflow + " px");
        }
        browser.screenshot("phone-390-preview-variant");
    }

    @Test
    void darkModeFollowsTheSystem() {
        browser.signIn(course.token("s2"), "assignments.html");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        openNotebook();
        assertEquals("rgb(13, 17, 23)", browser.driver.executeScript("return getComputedStyle(document.documentElement).backgroundColor"));
        assertFalse(browser.find("section.cell[data-cell='1'] ol.code").getCssValue("background-color").contains("255, 255, 255"));
        browser.screenshot("dark-notebook", browser.find("header.top"), browser.find("section.cell[data-cell='4']"));
    }
}
