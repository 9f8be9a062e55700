package dev.refgrade.server;

class ServerSubmissionsSqliteTest extends ServerSubmissionsContract {
    ServerSubmissionsSqliteTest() {
        super(Databases.Kind.SQLITE);
    }
}
