/**
 * Persistence over JDBC (SQLite by default, PostgreSQL to scale out) and its migrations. Only the server
 * and the commands use it, so grading stays a pure function of answers and exercises.
 */
package dev.refgrade.store;
