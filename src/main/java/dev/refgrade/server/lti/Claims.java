package dev.refgrade.server.lti;

import java.util.List;
import java.util.Map;

/** The names LTI 1.3 gives its claims, scopes and roles (IMS LTI Core, Deep Linking 2.0, AGS 2.0, NRPS 2.0). */
final class Claims {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String MESSAGE_TYPE = LTI + "message_type";
    static final String VERSION = LTI + "version";
    static final String DEPLOYMENT_ID = LTI + "deployment_id";
    static final String TARGET_LINK_URI = LTI + "target_link_uri";
    static final String RESOURCE_LINK = LTI + "resource_link";
    static final String ROLES = LTI + "roles";
    static final String CONTEXT = LTI + "context";
    static final String CUSTOM = LTI + "custom";
    static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final String DL_CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    static final String DL_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";

    static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";

    static final String SCOPE_LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String SCOPE_MEMBERSHIP = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    /** The custom parameter a deep-linked resource carries: which assignment of the course it opens. */
    static final String CUSTOM_ASSIGNMENT = "refgrade_assignment";

    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    /** Roles that teach: they become instructors of the course. Short forms are LTI 1.3's "simple names". */
    private static final List<String> TEACHING = List.of(MEMBERSHIP + "Instructor", MEMBERSHIP + "ContentDeveloper",
            MEMBERSHIP + "Administrator", "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
            "Instructor", "ContentDeveloper", "Administrator");
    private static final List<String> LEARNING = List.of(MEMBERSHIP + "Learner", "Learner");

    private Claims() {}

    enum Kind { INSTRUCTOR, STUDENT }

    /** Teaching wins when a user has both (a TA enrolled as a learner too); null when neither. */
    static Kind kind(List<String> roles) {
        if (roles.stream().anyMatch(TEACHING::contains)) return Kind.INSTRUCTOR;
        if (roles.stream().anyMatch(LEARNING::contains)) return Kind.STUDENT;
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String string(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String s ? s : null;
    }
}
