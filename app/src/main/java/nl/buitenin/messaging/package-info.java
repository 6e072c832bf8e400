/**
 * Messages that leave the instance: an outbox of e-mails, queued in the sender's transaction and sent
 * by a job with retries, so a message is never lost when the mail server is down and never sent twice.
 * Recipient and body are erased once the message is sent; a forgotten person's pending messages are dropped.
 */
@ApplicationModule(displayName = "Messaging", allowedDependencies = {
        "platform",
        "privacy" })
@NullMarked
package nl.buitenin.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
