void second_missing(void);
void shared_name(void) { second_missing(); }
