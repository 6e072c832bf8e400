package nl.buitenin.platform;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Tells an error in the reader's language (the user's choice on pages, Accept-Language for the API), for the few
 * places that return errors in their own JSON rather than as a problem; problems and pages are told automatically.
 */
public interface ErrorMessages {

    String tell(FieldError error);
}
