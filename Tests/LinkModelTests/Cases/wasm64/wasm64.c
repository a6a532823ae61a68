void f64(long);
extern long d64;
long *const dptr = &d64;
long _start(void) { f64(d64); return (long)dptr; }
