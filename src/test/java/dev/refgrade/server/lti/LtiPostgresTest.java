package dev.refgrade.server.lti;

import dev.refgrade.server.Databases;

class LtiPostgresTest extends LtiContract {
    LtiPostgresTest() {
        super(Databases.Kind.POSTGRES);
    }
}
