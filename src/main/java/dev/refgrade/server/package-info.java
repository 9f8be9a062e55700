/**
 * The Javalin application: the HTTP API of DESIGN.md, authentication and the static web UI, over
 * grading/ and store/. The only package that knows about HTTP.
 */
package dev.refgrade.server;
