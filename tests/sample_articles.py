"""Small original articles for the end-to-end tests, one clean and one with known defects."""

GOOD_MD = """\
---
title: Sprained Ankle
type: care-sheet
reviewed: 2026-05-04
authors: [Health Library Staff]
reviewers: ["Rosa Diaz, MD, Sports Medicine"]
---
# Sprained Ankle

This information does not replace the advice of a doctor.

## Your Care Instructions

A sprain is a stretched or torn band that holds the ankle bones together. It can hurt and swell.
Most sprains get better in two to six weeks. Rest and ice help the ankle heal.

## How Can You Care for Yourself at Home

- Rest your ankle. Try not to walk on it for a day or two.
- Put ice on it for 10 to 20 minutes at a time.
- Prop your foot up on a pillow when you sit or lie down.

## When Should You Call for Help

Call your doctor if the pain gets worse or you cannot put any weight on your foot.

## Credits

Last reviewed: May 4, 2026
"""

BAD_TXT = """\
Knee Arthroscopy

Treatment Overview

Arthroscopy lets a surgeon look inside the knee through small cuts.

Why It Is Done

It is done to find and fix problems such as a torn cartilage.

Credits

Current as of: January 5, 2022

Author: Health Library Staff
"""
