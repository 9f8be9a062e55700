package dev.refgrade.server.lti;

/** The two small pages the LTI flow renders itself (the deep-linking pick and the way back), escaped. */
final class Html {
    private Html() {}

    static String head(String title) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + text(title)
                + " — refgrade</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main>";
    }

    static String checkbox(String name, String value, String label) {
        return "<p><label><input type=\"checkbox\" name=\"" + name + "\" value=\"" + attr(value) + "\"> " + text(label) + "</label></p>";
    }

    static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("'", "&#39;");
    }
}
