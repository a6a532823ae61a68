// C++ inline functions and templates become COMDAT groups; names are Itanium-mangled.
template <typename T> T twice(T value) { return value + value; }
inline int shared_inline(int x) { return x * 7; }
struct Shape { virtual ~Shape() {} virtual int area() const = 0; };
struct Square : Shape { int side; explicit Square(int s) : side(s) {} int area() const override { return side * side; } };
extern int external_cxx(long);
int use_templates(int x) {
    Square square(x);
    const Shape &shape = square;
    return twice(x) + (int)twice(2.0) + shared_inline(x) + shape.area() + external_cxx(x);
}
