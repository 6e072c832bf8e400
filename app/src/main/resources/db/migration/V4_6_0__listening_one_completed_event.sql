-- A completed response is published as one event shape only: ResponsesCompleted, a list of CompletedResponse (the
-- former single ResponseCompleted, with the same fields). A ResponseCompleted still waiting in the event publication
-- log for its listener (loop's case rules) would no longer be read; it becomes a ResponsesCompleted of one, addressed
-- to the listener of that event, and is delivered as any other when publications are resubmitted.
update event_publication
set serialized_event = '{"responses":[' || serialized_event || ']}',
    event_type = 'nl.buitenin.listening.ResponsesCompleted',
    listener_id = replace(listener_id, '(nl.buitenin.listening.ResponseCompleted)', '(nl.buitenin.listening.ResponsesCompleted)')
where event_type = 'nl.buitenin.listening.ResponseCompleted';
