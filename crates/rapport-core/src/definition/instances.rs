//! Repeating groups (`repeats: true` on a group): the patient adds and removes instances
//! ("Add another").
//!
//! The checked model holds each item once. A questionnaire *with instances*
//! ([`Questionnaire::with_instances`]) is the same tree with every repeating group copied once
//! per instance, and every item in it named by a **key** instead of its `linkId`: the `linkId`
//! itself inside the first instance of every repeating group around it (so a form without
//! repeating groups, or one whose groups have one instance each, is unchanged), else the
//! `linkId`, [`SEP`] and the instance numbers of those groups, outermost first, joined by dots
//! (`dose` + `SEP` + `2.3`: the third instance of an inner group inside the second of an outer
//! one). Answers, typed text, drafts, `enableWhen` and validation use keys, so the rest of the
//! core works on the copy unchanged; the QuestionnaireResponse writes each key's `linkId`
//! ([`link_id_of`]), one `item` per instance, which is how FHIR writes repeating groups, and
//! [`crate::response::answers_from`] reads them back into keys.
//!
//! A condition inside an instance looks at the question in the same instance (and in the first
//! instance of any repeating group the two do not share).

use super::model::{Item, ItemKind, Questionnaire};
use super::MAX_ITEMS;
use crate::strmap::StrMap;

/// Between a `linkId` and its instance numbers in a key. A control character: the parser
/// refuses a `linkId` that contains it.
pub const SEP: char = '\u{1f}';

/// Most instances of one repeating group.
pub const MAX_INSTANCES: usize = 50;

/// The `linkId` of a key.
pub fn link_id_of(key: &str) -> &str {
    key.split(SEP).next().unwrap_or(key)
}

/// The key of `link` in the instances `path` (a number per repeating group around it,
/// outermost first; missing numbers are 1).
pub fn key_of(link: &str, path: &[usize]) -> String {
    if path.iter().all(|&n| n == 1) {
        return link.to_owned();
    }
    let mut key = String::from(link);
    key.push(SEP);
    for (i, n) in path.iter().enumerate() {
        if i > 0 {
            key.push('.');
        }
        key.push_str(&n.to_string());
    }
    key
}

/// The instance numbers of a key, `len` of them (padded with 1).
fn path_of(key: &str, len: usize) -> Vec<usize> {
    let mut path: Vec<usize> = match key.split_once(SEP) {
        None => Vec::new(),
        Some((_, p)) => p.split('.').map(|n| n.parse().unwrap_or(1)).collect(),
    };
    path.resize(len, 1);
    path
}

fn is_repeating_group(item: &Item) -> bool {
    item.repeats && item.kind == ItemKind::Group
}

impl Questionnaire {
    /// Whether any group repeats.
    pub fn has_repeating_groups(&self) -> bool {
        self.items.iter().any(is_repeating_group)
    }

    /// The positions of the repeating groups around the item at `pos` (itself included when
    /// it is one), outermost first.
    fn repeating_chain(&self, pos: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut at = Some(pos);
        while let Some(p) = at {
            let Some(item) = self.items.get(p) else { break };
            if is_repeating_group(item) {
                chain.push(p);
            }
            at = item.parent;
            // A parent comes before its children: a chain that does not go up is broken.
            if at.is_some_and(|a| a >= p) {
                break;
            }
        }
        chain.reverse();
        chain
    }

    /// How many instances each repeating group needs to hold `keys` (of this questionnaire's
    /// items, as the answers or a questionnaire with instances name them), by the key of each
    /// group's first instance. Keys of no item are ignored.
    pub fn instance_counts<'a>(&self, keys: impl Iterator<Item = &'a str>) -> StrMap<usize> {
        let mut counts = StrMap::new();
        for key in keys {
            let Some(pos) = self.position(link_id_of(key)) else {
                continue;
            };
            let chain = self.repeating_chain(pos);
            let path = path_of(key, chain.len());
            for (depth, (&group, &n)) in chain.iter().zip(&path).enumerate() {
                let Some(g) = self.items.get(group) else {
                    continue;
                };
                let mut first = path.get(..depth).unwrap_or_default().to_vec();
                first.push(1);
                let k = key_of(&g.link_id, &first);
                let n = n.min(MAX_INSTANCES);
                if counts.get(&k).is_none_or(|&c| c < n) {
                    counts.insert(k, n);
                }
            }
        }
        counts
    }

    /// This questionnaire with the instances `answers` (by key, as
    /// [`crate::response::answers_from`] reads them) need; itself when no group repeats.
    pub fn fitting(&self, answers: &crate::answers::Answers) -> Questionnaire {
        if !self.has_repeating_groups() {
            return self.clone();
        }
        self.with_instances(&self.instance_counts(answers.iter().map(|(k, _)| k)))
    }

    /// This questionnaire (as loaded, without instances) with `counts` instances of its
    /// repeating groups (by the key of each group's first instance; at least one, at most
    /// [`MAX_INSTANCES`], and no more items in all than [`MAX_ITEMS`]).
    pub fn with_instances(&self, counts: &StrMap<usize>) -> Questionnaire {
        let mut out = Questionnaire {
            url: self.url.clone(),
            version: self.version.clone(),
            name: self.name.clone(),
            title: self.title.clone(),
            language: self.language.clone(),
            items: Vec::new(),
            scores: self.scores.clone(),
            flags: self.flags.clone(),
            index: StrMap::new(),
            roots: Vec::new(),
            expressions: self.expressions.clone(),
            unread_later: self.unread_later.clone(),
            initial: self.initial.clone(),
            constraints: self.constraints.clone(),
        };
        let mut roots = Vec::new();
        for &r in &self.roots {
            roots.extend(self.copy_into(r, &[], None, counts, &mut out));
        }
        out.roots = roots;
        out
    }

    /// Copies the item at `pos` (once, or once per instance for a repeating group) with its
    /// children into `out`; returns the new positions.
    fn copy_into(
        &self,
        pos: usize,
        path: &[usize],
        parent: Option<usize>,
        counts: &StrMap<usize>,
        out: &mut Questionnaire,
    ) -> Vec<usize> {
        let Some(item) = self.items.get(pos) else {
            return Vec::new();
        };
        let chain = self.repeating_chain(pos);
        let paths: Vec<Vec<usize>> = if is_repeating_group(item) {
            let mut first = path.to_vec();
            first.push(1);
            let n = counts
                .get(&key_of(&item.link_id, &first))
                .copied()
                .unwrap_or(1)
                .clamp(1, MAX_INSTANCES);
            (1..=n)
                .map(|k| {
                    let mut p = path.to_vec();
                    p.push(k);
                    p
                })
                .collect()
        } else {
            vec![path.to_vec()]
        };
        let mut made = Vec::new();
        for p in paths {
            if out.items.len() >= MAX_ITEMS {
                break;
            }
            let at = out.items.len();
            let key = key_of(&item.link_id, &p);
            let enable_when = item
                .enable_when
                .iter()
                .map(|c| {
                    let mut c = c.clone();
                    if let Some(q) = self.position(&c.question) {
                        let theirs = self.repeating_chain(q);
                        let shared = chain
                            .iter()
                            .zip(&theirs)
                            .take_while(|(a, b)| a == b)
                            .count();
                        let mut qp = p.get(..shared).unwrap_or_default().to_vec();
                        qp.resize(theirs.len(), 1);
                        c.question = key_of(&c.question, &qp);
                    }
                    c
                })
                .collect();
            out.index.insert(key.clone(), at);
            out.items.push(Item {
                link_id: key,
                parent,
                children: Vec::new(),
                enable_when,
                ..item.clone()
            });
            let mut children = Vec::new();
            for &c in &item.children {
                children.extend(self.copy_into(c, &p, Some(at), counts, out));
            }
            if let Some(copy) = out.items.get_mut(at) {
                copy.children = children;
            }
            made.push(at);
        }
        made
    }

    /// The key that `key` becomes when the instance of a repeating group whose key is
    /// `removed` is taken out: `None` for keys inside it, one number lower for keys in the
    /// instances after it, the same for the rest.
    pub fn key_after_removing(&self, key: &str, removed: &str) -> Option<String> {
        let (Some(group), Some(pos)) = (
            self.position(link_id_of(removed)),
            self.position(link_id_of(key)),
        ) else {
            return Some(key.to_owned());
        };
        let group_chain = self.repeating_chain(group);
        let chain = self.repeating_chain(pos);
        let depth = group_chain.len().saturating_sub(1);
        let gpath = path_of(removed, group_chain.len());
        let mut path = path_of(key, chain.len());
        let inside = chain.get(depth) == Some(&group) && path.get(..depth) == gpath.get(..depth);
        let (Some(&k), true) = (gpath.get(depth), inside) else {
            return Some(key.to_owned());
        };
        match path.get_mut(depth) {
            Some(n) if *n == k => None,
            Some(n) if *n > k => {
                *n -= 1;
                Some(key_of(link_id_of(key), &path))
            }
            _ => Some(key.to_owned()),
        }
    }

    /// Whether any item inside the item at `pos` (an instance of a repeating group, say) holds
    /// an answer: what "Remove this one" would lose.
    pub fn answered_inside(&self, pos: usize, answers: &crate::answers::Answers) -> bool {
        let mut stack: Vec<usize> = self
            .items
            .get(pos)
            .map(|i| i.children.clone())
            .unwrap_or_default();
        while let Some(p) = stack.pop() {
            let Some(item) = self.items.get(p) else {
                continue;
            };
            if answers.get(&item.link_id).is_some() {
                return true;
            }
            stack.extend(item.children.iter().copied());
        }
        false
    }

    /// The instance numbers of the repeating group instance whose key is `key`: its number and
    /// how many there are, read from this questionnaire with instances.
    pub fn instance_of(&self, key: &str) -> (usize, usize) {
        let Some(item) = self.item(key) else {
            return (1, 1);
        };
        let siblings: Vec<&str> = match item.parent.and_then(|p| self.items.get(p)) {
            Some(parent) => parent
                .children
                .iter()
                .filter_map(|&c| self.items.get(c))
                .map(|i| i.link_id.as_str())
                .collect(),
            None => self.roots().map(|i| i.link_id.as_str()).collect(),
        };
        let link = link_id_of(key);
        let same: Vec<&str> = siblings
            .into_iter()
            .filter(|k| link_id_of(k) == link)
            .collect();
        let n = same.iter().position(|k| *k == key).map_or(1, |i| i + 1);
        (n, same.len().max(1))
    }
}
