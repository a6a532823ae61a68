void shared_missing(int);
void two(void) { shared_missing(2); }
