void missing_in_dead(void);
void live_missing(void);
void never_called(void) { missing_in_dead(); }
void _start(void) { live_missing(); }
