void first_missing(void);
void shared_name(void) { first_missing(); }
