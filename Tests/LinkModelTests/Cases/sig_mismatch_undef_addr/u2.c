void sm(double);
void (*volatile sink)(double);
void u2(void) { sink = sm; }
