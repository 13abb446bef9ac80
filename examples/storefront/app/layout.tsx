import type { Metadata } from "next"
import Link from "next/link"
import "./styles.css"

export const metadata: Metadata = { title: "Brew & Co" }

// Stock changes with every order: never serve a cached page or store answer.
export const dynamic = "force-dynamic"
export const fetchCache = "force-no-store"

export default function RootLayout({
  children,
}: {
  children: React.ReactNode
}) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            Brew &amp; Co
          </Link>
          <nav aria-label="Main">
            <Link href="/">Shop</Link>
            <Link href="/cart">Cart</Link>
            <Link href="/account">Account</Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
