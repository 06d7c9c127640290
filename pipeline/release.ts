/**
 * The release record: the contract every stage shares.
 *
 * Field names are public (JSON output, `handout extract --json`, templates):
 * they must stay stable. New information goes into new fields, never renames.
 */
import type { Root, RootContent } from 'mdast';
import type { Position } from 'unist';

/** The header fields that extraction finds and that front matter may override. */
export const HEADER_FIELDS = [
  'title',
  'subtitle',
  'type',
  'issuer',
  'organization',
  'location',
  'date',
  'release',
  'language',
  'endMark',
  'contact',
] as const;

export type HeaderField = (typeof HEADER_FIELDS)[number];

/** The brand's fields (see Brand). */
export type BrandField = 'name' | 'logo' | 'accentColor' | 'fonts' | 'about' | 'contacts' | 'footer';

/** Fields whose origin the record keeps: the header fields, the embargo and each brand field ("brand.logo"). */
export type SourcedField = HeaderField | 'embargo' | `brand.${BrandField}`;

/**
 * Where a value came from: extraction from the text, the author's front
 * matter, detection (language), or the project's config file (brand fields).
 */
export type FieldOrigin = 'text' | 'front-matter' | 'detected' | 'config';

export interface FieldSource {
  origin: FieldOrigin;
  /** Source range of the value; absent for detected values (such as language). */
  position?: Position;
}

export interface Release {
  title: string | null;
  subtitle: string | null;
  type: string | null;
  issuer: string | null;
  organization: string | null;
  location: string | null;
  /** ISO yyyy-mm-dd. */
  date: string | null;
  release: string | null;
  /** BCP-47 tag of the body's language. */
  language: string;
  endMark: string | null;
  contact: string | null;
  /**
   * Not to be published before this instant: ISO 8601 with the offset it was
   * written with ("2026-03-03T10:00:00-05:00"), or null.
   */
  embargo: string | null;
  /** A dateline that opens the body as written ("WASHINGTON –"), or null; renderers then add none of their own. */
  dateline: string | null;
  /** The body without header block, end mark and contact, as an mdast root with positions. */
  body: Root;
  /** Where each found field came from, keyed by field name. */
  sources: Partial<Record<SourcedField, FieldSource>>;
  /** Numbers derived from the body. */
  stats: ReleaseStats;
  /** People, organisations and places the body names (for JSON-LD `mentions` and PDF keywords). */
  mentions: Mentions;
  /** Quotations in the body with the person they are attributed to. */
  quotes: Quote[];
  /** The body's images in document order; their size and format once the files are read (see pipeline/media). */
  images: ReleaseImage[];
  /**
   * The press office's brand that applies to this release, or null when none
   * does: the release's front-matter `brand`, field by field over the
   * project's (handout.config.json). Extraction alone knows only the front
   * matter; a build adds the project's fields (`sources["brand.x"]` says which).
   */
  brand: Brand | null;
}

/** Font stacks a brand may choose (see FONT_STACKS in brand/fields.ts). */
export type FontStack = 'serif' | 'transitional' | 'sans' | 'humanist' | 'geometric';

export interface BrandFonts {
  /** Body text; null keeps the template's. */
  body: FontStack | null;
  /** The headline and headings; null keeps the template's. */
  headings: FontStack | null;
}

export interface BrandContact {
  name: string;
  role: string | null;
  /** One plain address (checked): it becomes a mailto: link. */
  email: string | null;
  /** Digits and + ( ) - . / (checked): it becomes a tel: link. */
  phone: string | null;
}

/** Every field is null when neither the release nor the project states it. */
export interface Brand {
  /** The organisation's name: the logo's alt text, "About {name}", the JSON-LD publisher. */
  name: string | null;
  /** The logo file as written (a front-matter path is relative to the source; a config path to the config file). */
  logo: string | null;
  /** `#rrggbb`, lower case. */
  accentColor: string | null;
  fonts: BrandFonts | null;
  /** The "About {name}" boilerplate, one paragraph. */
  about: string | null;
  /** Default media contacts, shown besides the release's own contact line. */
  contacts: BrandContact[] | null;
  /** A footer line (address, website) for every page. */
  footer: string | null;
}

/** An image the body shows (`![alt](src "caption")`). */
export interface ReleaseImage {
  /** The path or URL as written. */
  src: string;
  /** The alt text, "" when there is none. */
  alt: string;
  /** The Markdown title, shown as the caption, or null. */
  caption: string | null;
  /** Displayed size in pixels (EXIF orientation applied); null until read, or when it could not be (missing, refused, remote). */
  width: number | null;
  height: number | null;
  /** From the file's bytes, never its name; null when not embedded. */
  format: 'png' | 'jpeg' | null;
  position?: Position;
}

export interface Mention {
  /** The name as the body first writes it in full. */
  name: string;
  /** How many times the body names it (full name or a later short form). */
  count: number;
}

export interface PersonMention extends Mention {
  /** The title or role written with the name ("Secretary of State"), or null. */
  title: string | null;
}

export interface Mentions {
  people: PersonMention[];
  organizations: Mention[];
  places: Mention[];
}

export interface Quote {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Who said it, as the body names them, or null when the text does not say. */
  speaker: string | null;
  position?: Position;
}

export interface ReleaseStats {
  words: number;
  paragraphs: number;
  /** Minutes at 230 words a minute, rounded up; 0 for an empty body. */
  readingMinutes: number;
  /** Sentences in the body (terminal punctuation, Latin or CJK). */
  sentences: number;
}

/** The JSON form of a release: `body` becomes paragraphs of plain text with their positions. */
export interface ReleaseJson extends Omit<Release, 'body'> {
  body: BodyBlockJson[];
  /** The mdast body, for consumers that want the structure. */
  bodyTree: Root;
}

export interface BodyBlockJson {
  type: RootContent['type'];
  text: string;
  position?: Position;
}
