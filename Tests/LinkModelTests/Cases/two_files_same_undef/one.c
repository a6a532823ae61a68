void shared_missing(int);
void two(void);
void _start(void) { shared_missing(1); two(); }
