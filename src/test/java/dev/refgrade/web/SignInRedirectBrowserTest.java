package dev.refgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.server.Databases;
import dev.refgrade.server.Fixture;
import dev.refgrade.server.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19, finding 2: the sign-in page goes on to `?next=` only when it names a page of this site. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInRedirectBrowserTest {
    private TestServer server;
    private Fixture course;
    private Browser browser;
    private String base;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestServer.start(Databases.sqlite(dir), TestServer.library(dir));
        course = Fixture.create(server, "cs101", 1, null);
        base = "http://localhost:" + server.app.port() + "/";
        browser = new Browser(base);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        server.close();
    }

    /** Signs in on index.html?next=NEXT and returns the address the page went on to. */
    private String signInWithNext(String next) {
        browser.driver.manage().deleteAllCookies();
        browser.open("index.html?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        browser.driver.executeScript("sessionStorage.clear(); window.name = 'untouched';");
        browser.find("#token").sendKeys(course.token("s1"));
        browser.find("#signin button[type=submit]").click();
        return browser.waitFor(d -> d.getCurrentUrl().contains("index.html") ? null : d.getCurrentUrl());
    }

    @Test
    void followsAPageOfThisSiteWithItsQuery() {
        assertEquals(base + "exercise.html?course=cs101&a=hw1", signInWithNext("exercise.html?course=cs101&a=hw1"));
    }

    @Test
    void neverRunsAJavascriptUrl() {
        String landed = signInWithNext("javascript:window.name='stolen:'+sessionStorage.getItem('refgrade.token');location.href='playground.html'");
        assertEquals(base + "assignments.html", landed);
        assertEquals("untouched", browser.driver.executeScript("return window.name"));
    }

    @Test
    void neverGoesToAnotherSite() {
        assertEquals(base + "assignments.html", signInWithNext("http://127.0.0.2:9/steal"));
    }

    @Test
    void neverGoesToAnotherHostWithoutAScheme() {
        String landed = signInWithNext("//127.0.0.2:9/steal");
        assertTrue(landed.startsWith(base), landed);
    }
}
