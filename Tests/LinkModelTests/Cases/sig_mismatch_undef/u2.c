void sm(double);
void u2(void) { sm(1.0); }
