package dev.refgrade.server.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.refgrade.server.Api;
import dev.refgrade.server.Databases;
import dev.refgrade.server.Fixture;
import dev.refgrade.server.ServerLog;
import dev.refgrade.server.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LTI 1.3 end to end against {@link FakePlatform}: the browser's part is played by plain HTTP requests. */
abstract class LtiContract {
    static final String E = "identity-is-vs-eq";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    private final Databases.Made databases;
    @TempDir
    Path dir;
    TestServer s;
    Api api;
    FakePlatform lms;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    LtiContract(Databases.Kind kind) {
        this.databases = new Databases.Made(kind);
    }

    @BeforeEach
    void start() throws Exception {
        s = TestServer.start(databases.url(dir), TestServer.library(dir));
        api = s.api;
        lms = new FakePlatform(base());
        assertEquals(201, api.post("/api/lti/platforms", TestServer.ADMIN, lms.registration("lms")).status());
    }

    @AfterEach
    void stop() {
        lms.close();
        s.close();
        databases.dropAll();
    }

    String base() {
        return "http://localhost:" + s.app.port();
    }

    /** A login: the platform's redirect parameters (state, nonce, redirect_uri, ...). */
    Map<String, String> login(String user) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/lti/login?iss=" + enc(lms.issuer) + "&login_hint=" + user
                + "&client_id=" + FakePlatform.CLIENT_ID + "&target_link_uri=" + enc(base() + "/lti/launch"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode(), () -> r.body() + ServerLog.tail());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(lms.url + "/auth?"), location);
        return FakePlatform.form(location.substring(location.indexOf('?') + 1));
    }

    /** The id_token the platform would post for a login: a learner in course ctx-1, with AGS and NRPS. */
    JWTClaimsSet.Builder idToken(String sub, String role, String nonce) {
        Instant now = Instant.now();
        Map<String, Object> context = Map.of("id", "ctx-1", "label", "PY101", "title", "Python memory");
        return new JWTClaimsSet.Builder().issuer(lms.issuer).audience(FakePlatform.CLIENT_ID).subject(sub).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", nonce).claim("name", "User " + sub)
                .claim(Claims.MESSAGE_TYPE, Claims.RESOURCE_LINK_REQUEST).claim(Claims.VERSION, "1.3.0")
                .claim(Claims.DEPLOYMENT_ID, FakePlatform.DEPLOYMENT).claim(Claims.ROLES, List.of(role)).claim(Claims.CONTEXT, context)
                .claim(Claims.RESOURCE_LINK, Map.of("id", "link-1")).claim(Claims.CUSTOM, Map.of(Claims.CUSTOM_ASSIGNMENT, "hw1"))
                .claim(Claims.AGS_ENDPOINT, Map.of("lineitems", lms.url + "/lineitems", "scope", List.of(Claims.SCOPE_LINE_ITEM, Claims.SCOPE_SCORE)))
                .claim(Claims.NRPS, Map.of("context_memberships_url", lms.url + "/memberships", "service_versions", List.of("2.0")));
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PlatformClient.form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Login then launch, the id_token changed by {@code edit} and signed with {@code signer}. */
    HttpResponse<String> launch(String sub, String role, UnaryOperator<JWTClaimsSet.Builder> edit, RSAKey signer) throws Exception {
        Map<String, String> login = login(sub);
        String token = lms.sign(edit.apply(idToken(sub, role, login.get("nonce"))).build(), signer);
        return post("/lti/launch", Map.of("id_token", token, "state", login.get("state")));
    }

    /** The bearer token a successful launch handed the browser. */
    static String token(HttpResponse<String> launched) {
        assertEquals(303, launched.statusCode(), () -> launched.body() + ServerLog.tail());
        Matcher m = Pattern.compile("#token=([^&]+)&next=(.*)").matcher(launched.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find());
        return m.group(1);
    }

    static String next(HttpResponse<String> launched) {
        String location = launched.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf("&next=") + 6), StandardCharsets.UTF_8);
    }

    String signIn(String sub, String role) throws Exception {
        return token(launch(sub, role, b -> b, lms.key));
    }

    static String enc(String s) {
        return PlatformClient.enc(s);
    }

    @Nested
    class Registration {
        @Test
        void theAdminRegistersAPlatformAndListsIt() {
            JsonNode list = api.get("/api/lti/platforms", TestServer.ADMIN).json();
            assertEquals(1, list.size());
            assertEquals(FakePlatform.CLIENT_ID, list.get(0).get("clientId").asText());
            assertEquals(FakePlatform.DEPLOYMENT, list.get(0).get("deploymentIds").get(0).asText());
        }

        @Test
        void theSameIssuerAndClientIdTwiceIsAConflict() {
            Map<String, Object> again = new LinkedHashMap<>(lms.registration("other"));
            assertEquals(409, api.post("/api/lti/platforms", TestServer.ADMIN, again).status());
        }

        @Test
        void aUrlThatIsNotOneIsRefusedNamingTheField() {
            Map<String, Object> bad = new LinkedHashMap<>(lms.registration("bad"));
            bad.put("jwksUrl", "not a url");
            Api.Response r = api.post("/api/lti/platforms", TestServer.ADMIN, bad);
            assertEquals(422, r.status());
            assertEquals("jwksUrl", r.json().get("field").asText());
        }

        @Test
        void onlyTheAdminRegisters() throws Exception {
            String teacher = signIn("teacher-1", INSTRUCTOR);
            assertEquals(403, api.post("/api/lti/platforms", teacher, lms.registration("mine")).status());
        }
    }

    @Nested
    class ToolKeySet {
        @Test
        void publishesOnlyPublicRsaKeys() throws Exception {
            JWKSet set = JWKSet.parse(api.get("/lti/jwks", null).text());
            assertEquals(1, set.getKeys().size());
            assertFalse(set.getKeys().get(0).isPrivate());
        }

        @Test
        void aRotatedKeySignsFromThenOnAndThePreviousStaysPublished() throws Exception {
            String before = JWKSet.parse(api.get("/lti/jwks", null).text()).getKeys().get(0).getKeyID();
            String kid = api.post("/api/lti/keys/rotate", TestServer.ADMIN, Map.of()).json().get("kid").asText();
            JWKSet after = JWKSet.parse(api.get("/lti/jwks", null).text());
            assertEquals(List.of(kid, before), after.getKeys().stream().map(k -> k.getKeyID()).toList());
            assertEquals(kid, com.nimbusds.jwt.SignedJWT.parse(deepLinkResponse()).getHeader().getKeyID());
        }
    }

    @Nested
    class Launch {
        @Test
        void aLearnerBecomesAStudentOfTheLmsCourseWithoutTypingAToken() throws Exception {
            HttpResponse<String> r = launch("learner-1", LEARNER, b -> b, lms.key);
            JsonNode me = api.get("/api/me", token(r)).json();
            assertEquals("student", me.get("role").asText());
            assertEquals("User learner-1", me.get("name").asText());
            assertTrue(me.get("course").asText().startsWith("lti-"));
            assertEquals("assignments.html?a=hw1", next(r));
        }

        @Test
        void anInstructorTeachesTheCourseNamedAfterTheLmsCourse() throws Exception {
            String t = signIn("teacher-1", INSTRUCTOR);
            JsonNode courses = api.get("/api/courses", t).json();
            assertEquals(1, courses.size());
            assertEquals("Python memory", courses.get(0).get("title").asText());
        }

        @Test
        void aSecondLaunchIsTheSamePersonWithANewToken() throws Exception {
            String first = signIn("learner-1", LEARNER);
            String second = signIn("learner-1", LEARNER);
            assertNotEquals(first, second);
            assertEquals(api.get("/api/me", first).json().get("id"), api.get("/api/me", second).json().get("id"));
        }

        @Test
        void aLoginForAnUnregisteredIssuerIsRefused() throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/lti/login?iss=https%3A%2F%2Fevil.example&login_hint=x"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode());
        }
    }

    @Nested
    class Refused {
        void refused(HttpResponse<String> r) {
            assertEquals(401, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Location").isEmpty());
            assertEquals(0, api.get("/api/courses", TestServer.ADMIN).json().size(), "no course was made");
        }

        @Test
        void aForgedSignature() throws Exception {
            RSAKey forger = new RSAKeyGenerator(2048).keyID("platform-key").generate();
            refused(launch("learner-1", LEARNER, b -> b, forger));
        }

        @Test
        void aReplayedLaunch() throws Exception {
            Map<String, String> login = login("learner-1");
            String idToken = lms.sign(idToken("learner-1", LEARNER, login.get("nonce")).build(), lms.key);
            token(post("/lti/launch", Map.of("id_token", idToken, "state", login.get("state"))));
            HttpResponse<String> again = post("/lti/launch", Map.of("id_token", idToken, "state", login.get("state")));
            assertEquals(401, again.statusCode());
        }

        @Test
        void aNonceFromAnotherLogin() throws Exception {
            Map<String, String> other = login("learner-1");
            refused(launch("learner-1", LEARNER, b -> b.claim("nonce", other.get("nonce")), lms.key));
        }

        @Test
        void anExpiredToken() throws Exception {
            Instant past = Instant.now().minus(Duration.ofHours(1));
            refused(launch("learner-1", LEARNER, b -> b.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))), lms.key));
        }

        @Test
        void aTokenForAnotherTool() throws Exception {
            refused(launch("learner-1", LEARNER, b -> b.audience("some-other-client"), lms.key));
        }

        @Test
        void aTokenFromAnotherIssuer() throws Exception {
            refused(launch("learner-1", LEARNER, b -> b.issuer("https://evil.example"), lms.key));
        }

        @Test
        void anUnknownDeployment() throws Exception {
            refused(launch("learner-1", LEARNER, b -> b.claim(Claims.DEPLOYMENT_ID, "deployment-2"), lms.key));
        }

        @Test
        void anUnknownState() throws Exception {
            Map<String, String> login = login("learner-1");
            String idToken = lms.sign(idToken("learner-1", LEARNER, login.get("nonce")).build(), lms.key);
            refused(post("/lti/launch", Map.of("id_token", idToken, "state", "made-up")));
        }
    }

    /** An instructor's deep-linking launch, one exercise picked: the JWT posted back to the LMS. */
    String deepLinkResponse() throws Exception {
        HttpResponse<String> picker = launch("teacher-1", INSTRUCTOR, b -> b.claim(Claims.MESSAGE_TYPE, Claims.DEEP_LINKING_REQUEST)
                .claim(Claims.DL_SETTINGS, Map.of("deep_link_return_url", lms.url + "/deep-link-return", "accept_types", List.of("ltiResourceLink"),
                        "data", "opaque-data")), lms.key);
        assertEquals(200, picker.statusCode(), () -> picker.body() + ServerLog.tail());
        Matcher pick = Pattern.compile("name=\"pick\" value=\"([^\"]+)\"").matcher(picker.body());
        assertTrue(pick.find(), picker.body());
        assertTrue(picker.body().contains("value=\"" + E + "\""));
        HttpResponse<String> back = post("/lti/deep-link", Map.of("pick", pick.group(1), "exercise", E, "due", "2025-03-15T00:00:00Z"));
        assertEquals(200, back.statusCode(), () -> back.body() + ServerLog.tail());
        assertTrue(back.body().contains("action=\"" + lms.url + "/deep-link-return\""));
        // The site's policy holds here too: no inline script, and a form may post to this LMS only.
        assertFalse(back.body().contains("<script>"), back.body());
        String csp = back.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("form-action 'self' " + lms.url + ";") || csp.endsWith("form-action 'self' " + lms.url), csp);
        Matcher jwt = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(back.body());
        assertTrue(jwt.find());
        return jwt.group(1);
    }

    @Nested
    class DeepLinking {
        @Test
        void thePickedExerciseGoesBackAsASignedResourceLinkWithALineItem() throws Exception {
            DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(com.nimbusds.jose.JWSAlgorithm.RS256,
                    new ImmutableJWKSet<>(JWKSet.parse(api.get("/lti/jwks", null).text()))));
            JWTClaimsSet claims = p.process(deepLinkResponse(), null);
            assertEquals(FakePlatform.CLIENT_ID, claims.getIssuer());
            assertEquals(List.of(lms.issuer), claims.getAudience());
            assertEquals(Claims.DEEP_LINKING_RESPONSE, claims.getClaim(Claims.MESSAGE_TYPE));
            assertEquals(FakePlatform.DEPLOYMENT, claims.getClaim(Claims.DEPLOYMENT_ID));
            assertEquals("opaque-data", claims.getClaim(Claims.DL_DATA));
            JsonNode items = FakePlatform.JSON.valueToTree(claims.getClaim(Claims.DL_CONTENT_ITEMS));
            assertEquals(1, items.size());
            assertEquals("ltiResourceLink", items.get(0).get("type").asText());
            assertEquals(E, items.get(0).get("custom").get(Claims.CUSTOM_ASSIGNMENT).asText());
            assertEquals(E, items.get(0).get("lineItem").get("resourceId").asText());
        }

        @Test
        void aPickIsAnsweredOnce() throws Exception {
            deepLinkResponse();
            HttpResponse<String> picker = launch("teacher-1", INSTRUCTOR, b -> b.claim(Claims.MESSAGE_TYPE, Claims.DEEP_LINKING_REQUEST)
                    .claim(Claims.DL_SETTINGS, Map.of("deep_link_return_url", lms.url + "/back")), lms.key);
            Matcher pick = Pattern.compile("name=\"pick\" value=\"([^\"]+)\"").matcher(picker.body());
            assertTrue(pick.find());
            assertEquals(200, post("/lti/deep-link", Map.of("pick", pick.group(1))).statusCode());
            assertEquals(401, post("/lti/deep-link", Map.of("pick", pick.group(1))).statusCode());
        }

        @Test
        void learnersCannotDeepLink() throws Exception {
            HttpResponse<String> r = launch("learner-1", LEARNER, b -> b.claim(Claims.MESSAGE_TYPE, Claims.DEEP_LINKING_REQUEST)
                    .claim(Claims.DL_SETTINGS, Map.of("deep_link_return_url", lms.url + "/back")), lms.key);
            assertEquals(403, r.statusCode());
        }
    }

    /** The LMS course with an assignment hw1 its instructor made, and a learner's token. */
    record Course(String id, String instructor, String student, String studentId) {}

    Course course() throws Exception {
        String teacher = signIn("teacher-1", INSTRUCTOR);
        String c = api.get("/api/courses", teacher).json().get(0).get("id").asText();
        Map<String, Object> a = Map.of("id", "hw1", "title", "Identity", "exercises", List.of(E), "due", Fixture.DUE.toString());
        assertEquals(201, api.post("/api/courses/" + c + "/assignments", teacher, a).status());
        String student = signIn("learner-1", LEARNER);
        return new Course(c, teacher, student, api.get("/api/me", student).json().get("id").asText());
    }

    Api.Response submit(Course c) {
        JsonNode key = new Fixture(c.id(), Map.of(), "hw1").key(s, c.studentId(), E);
        return api.post("/api/courses/" + c.id() + "/assignments/hw1/exercises/" + E + "/submissions", c.student(), Fixture.body(key));
    }

    /** Waits (the sender polls twice a second) until {@code n} scores reached the LMS. */
    void awaitScores(int n) throws InterruptedException {
        for (int i = 0; i < 600 && lms.scores.size() < n; i++) Thread.sleep(50);
        assertEquals(n, lms.scores.size());
    }

    @Nested
    class GradeService {
        @Test
        void everyGradedSubmissionPostsTheStudentsAssignmentScoreToOneLineItem() throws Exception {
            Course c = course();
            assertEquals(201, submit(c).status());
            awaitScores(1);
            JsonNode score = lms.scores.get(0);
            assertEquals("learner-1", score.get("userId").asText());
            assertEquals(score.get("scoreMaximum").asDouble(), score.get("scoreGiven").asDouble());
            assertEquals("FullyGraded", score.get("gradingProgress").asText());
            assertEquals(1, lms.lineItems.size());
            assertEquals("hw1", lms.lineItems.get(0).get("resourceId").asText());
            assertEquals(201, submit(c).status());
            awaitScores(2);
            assertEquals(1, lms.lineItems.size(), "the second score goes to the same line item");
            assertTrue(lms.grantedScopes.get(0).contains(Claims.SCOPE_SCORE));
        }

        @Test
        void aScoreTheLmsCouldNotTakeIsSentWhenItIsBack() throws Exception {
            Course c = course();
            lms.down = true;
            assertEquals(201, submit(c).status(), "the student's submission does not wait for the LMS");
            for (int i = 0; i < 600 && s.store.lti().due(s.clock.now.plus(Duration.ofDays(1)), 10).stream().noneMatch(o -> o.attempts() > 0); i++) Thread.sleep(50);
            assertEquals(1, s.store.lti().owed());
            assertTrue(lms.scores.isEmpty());
            lms.down = false;
            s.clock.now = s.clock.now.plus(Duration.ofMinutes(1)); // past the retry's time
            awaitScores(1);
            for (int i = 0; i < 200 && s.store.lti().owed() > 0; i++) Thread.sleep(50);
            assertEquals(0, s.store.lti().owed());
        }

        @Test
        void aRegradeThatChangesTheGradeSendsTheNewScore() throws Exception {
            Course c = course();
            assertEquals(201, submit(c).status());
            awaitScores(1);
            Path file = dir.resolve("exercises/" + E + ".yaml");
            java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("append(4)", "append(0)"));
            assertEquals(200, api.post("/api/admin/reload", TestServer.ADMIN, "").status());
            JsonNode outcome = api.post("/api/courses/" + c.id() + "/assignments/hw1/regrade", c.instructor(), "").json();
            assertEquals(1, outcome.get("changed").asInt(), outcome.toString());
            awaitScores(2);
            assertTrue(lms.scores.get(1).get("scoreGiven").asDouble() < lms.scores.get(0).get("scoreGiven").asDouble());
        }

        @Test
        void submissionsOfStudentsWithoutAnLmsOweNothing() {
            Fixture f = Fixture.create(s, "plain", 1, null);
            assertEquals(201, api.post(f.submissions(E), f.token("s1"), Fixture.body(f.key(s, "s1", E))).status());
            assertEquals(0, s.store.lti().owed());
        }
    }

    @Nested
    class RosterService {
        @Test
        void theInstructorReadsTheLmsRosterAcrossPages() throws Exception {
            Course c = course();
            JsonNode members = api.get("/api/courses/" + c.id() + "/lti/members", c.instructor()).json();
            assertEquals(List.of("teacher-1", "learner-1", "learner-2"), members.findValuesAsText("userId"));
            assertEquals(List.of("instructor", "student", "student"), members.findValuesAsText("role"));
            assertEquals(c.studentId(), members.get(1).get("refgradeId").asText());
        }

        @Test
        void aCourseNotFromAnLmsHasNoLmsRoster() {
            Fixture.create(s, "plain", 1, null);
            Api.Response r = api.get("/api/courses/plain/lti/members", TestServer.ADMIN);
            assertEquals(404, r.status());
        }
    }
}
