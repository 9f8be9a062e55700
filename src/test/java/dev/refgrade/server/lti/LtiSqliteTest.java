package dev.refgrade.server.lti;

import dev.refgrade.server.Databases;

class LtiSqliteTest extends LtiContract {
    LtiSqliteTest() {
        super(Databases.Kind.SQLITE);
    }
}
