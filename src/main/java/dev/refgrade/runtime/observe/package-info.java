/**
 * Watching a run without changing it: the observer behind sessions, the text of a trace, and the
 * referrer search that says where each reference to an object comes from.
 */
package dev.refgrade.runtime.observe;
