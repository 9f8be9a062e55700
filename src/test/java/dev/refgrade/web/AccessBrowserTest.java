package dev.refgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.refgrade.server.Databases;
import dev.refgrade.server.Fixture;
import dev.refgrade.server.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Issue 19: on a course's page an instructor reissues a student's token, and switches the playground off for an exam. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessBrowserTest {
    private TestServer server;
    private Fixture course;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestServer.start(Databases.sqlite(dir), TestServer.library(dir));
        course = Fixture.create(server, "cs101", 2, null);
        browser = new Browser("http://localhost:" + server.app.port() + "/");
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        server.close();
    }

    @Test
    void reissuesATokenAndSwitchesThePlaygroundOff() {
        browser.signIn(TestServer.ADMIN, "instructor.html");
        browser.open("instructor.html?c=cs101");
        browser.waitForText("#access-h", "Access");
        browser.assertAccessible();

        var reissue = browser.find("form[aria-label='Reissue a token']");
        new Select(reissue.findElement(By.name("student"))).selectByValue("s2");
        reissue.findElement(By.cssSelector("button[type=submit]")).click();
        String fresh = browser.waitFor(d -> d.findElements(By.cssSelector("#reissued code")).isEmpty() ? null
                : d.findElement(By.cssSelector("#reissued code")).getText());
        assertEquals(401, server.api.get("/api/me", course.token("s2")).status(), "the old token stopped");
        assertEquals(200, server.api.get("/api/me", fresh).status());

        var switches = browser.find("form[aria-label='Course switches']");
        new Select(switches.findElement(By.name("playground"))).selectByValue("off");
        switches.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText("#message", "Playground off");
        assertFalse(server.api.get("/api/courses/cs101/switches", TestServer.ADMIN).json().get("playground").asBoolean());
        assertEquals(403, server.api.post("/api/playground/run", course.token("s1"), Map.of("code", "a = 1\n")).status());
        browser.screenshot("instructor-access");
    }
}
