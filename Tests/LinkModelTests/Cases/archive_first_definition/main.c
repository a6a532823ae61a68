void shared_name(void);
void _start(void) { shared_name(); }
