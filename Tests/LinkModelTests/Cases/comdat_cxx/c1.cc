void c1_missing();
inline int shared_inline(int x) { c1_missing(); return x + 1; }
int use2(int);
extern "C" int _start() { return shared_inline(1) + use2(2); }
