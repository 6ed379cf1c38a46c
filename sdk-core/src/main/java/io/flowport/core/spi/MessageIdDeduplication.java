package io.flowport.core.spi;

import io.flowport.core.model.MessageRequest;
import java.time.Duration;

/**
 * What an engine does with a published message's id, which decides whether a publish that lost
 * its answer may be repeated. A backend declares it ({@link EngineBackend#messageIdDeduplication()});
 * the client retries a publish after an answer was lost only when its request is
 * {@linkplain #deduplicates(MessageRequest) deduplicated}, since a repeat the engine does not
 * recognise delivers the message twice (or starts a second instance).
 */
public enum MessageIdDeduplication {
  /** The engine ignores message ids (Flowable), or has no publish: a repeated publish is a second message. */
  NONE,
  /**
   * The engine rejects a second message with the same id only while the first one is buffered,
   * that is when its time to live is above zero (Zeebe): with a time to live of zero the message is
   * dropped once correlated and a repeat is a new message.
   */
  WHILE_BUFFERED;

  /**
   * Whether the engine would recognise a repeat of {@code request}: it has a message id and, for
   * {@link #WHILE_BUFFERED}, a time to live above zero.
   *
   * @param request the publish
   * @return true when the publish may safely be repeated after an answer was lost
   */
  public boolean deduplicates(MessageRequest request) {
    boolean hasId = request != null && request.messageId() != null && !request.messageId().isBlank();
    return switch (this) {
      case NONE -> false;
      case WHILE_BUFFERED -> hasId && request.timeToLive().compareTo(Duration.ZERO) > 0;
    };
  }
}
